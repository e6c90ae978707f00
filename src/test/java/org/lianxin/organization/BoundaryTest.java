package org.lianxin.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.lianxin.shared.InvalidInputException;

import tools.jackson.databind.json.JsonMapper;

class BoundaryTest {

    private final JsonMapper json = JsonMapper.builder().build();

    private String normalize(String geoJson) {
        return Boundary.normalize(json.readTree(geoJson));
    }

    private String keyOf(String geoJson) {
        try {
            normalize(geoJson);
            return null;
        } catch (InvalidInputException e) {
            return e.problems().get(0).messageKey();
        }
    }

    @Test
    void acceptsAPolygonAFeatureAndASingleFeatureCollection() {
        String polygon = "{\"type\":\"Polygon\",\"coordinates\":[[[112.88,23.15],[112.89,23.15],[112.89,23.16],[112.88,23.15]]]}";
        assertThat(normalize(polygon)).contains("\"Polygon\"");
        assertThat(normalize("{\"type\":\"Feature\",\"properties\":{},\"geometry\":" + polygon + "}")).contains("Polygon");
        assertThat(normalize("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":"
                + polygon + "}]}")).doesNotContain("Feature");
    }

    @Test
    void refusesWhatIsNotAClosedValidPolygon() {
        assertThat(keyOf("{\"type\":\"Point\",\"coordinates\":[112.88,23.15]}")).isEqualTo("area.boundary.not-polygon");
        assertThat(keyOf("{\"type\":\"Polygon\",\"coordinates\":[[[1,1],[2,1],[2,2],[1,3]]]}"))
                .isEqualTo("area.boundary.open-ring");
        assertThat(keyOf("{\"type\":\"Polygon\",\"coordinates\":[[[1,1],[2,1],[1,1]]]}"))
                .isEqualTo("area.boundary.ring-too-short");
        assertThat(keyOf("{\"type\":\"Polygon\",\"coordinates\":[[[1,1],[200,1],[2,2],[1,1]]]}"))
                .isEqualTo("area.boundary.bad-position");
        assertThat(keyOf("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[2,2],[2,0],[0,2],[0,0]]]}"))
                .isEqualTo("area.boundary.invalid-shape");
        assertThat(keyOf("{\"type\":\"Polygon\",\"coordinates\":[[[0,\"a\"],[2,2],[2,0],[0,0]]]}"))
                .isEqualTo("area.boundary.bad-position");
    }

    @Test
    void nullMeansNoBoundary() {
        assertThat(Boundary.normalize(null)).isNull();
        assertThat(Boundary.normalize(json.readTree("null"))).isNull();
    }
}
