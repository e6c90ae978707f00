package org.lianxin.organization;

import java.util.ArrayList;
import java.util.List;

import org.lianxin.shared.InvalidInputException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * An area's boundary: a GeoJSON Polygon or MultiPolygon in WGS-84 longitude/latitude. Anything else
 * (a point, an open ring, a ring of fewer than four positions, a self-crossing shape) is refused with
 * the field named.
 */
final class Boundary {

    static final String FIELD = "boundary";
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final GeometryFactory GEOMETRY = new GeometryFactory(new PrecisionModel(), 4326);

    private Boundary() {
    }

    /** The geometry as compact GeoJSON text, or null when none was given. */
    static String normalize(JsonNode geoJson) {
        if (geoJson == null || geoJson.isNull()) {
            return null;
        }
        JsonNode geometry = geometryOf(geoJson);
        Geometry shape = parse(geometry);
        if (!shape.isValid()) {
            throw new InvalidInputException(FIELD, "area.boundary.invalid-shape");
        }
        return JSON.writeValueAsString(geometry);
    }

    static JsonNode read(String stored) {
        return stored == null ? null : JSON.readTree(stored);
    }

    static Geometry toGeometry(String stored) {
        return stored == null ? null : parse(read(stored));
    }

    private static JsonNode geometryOf(JsonNode node) {
        String type = node.path("type").asString("");
        return switch (type) {
            case "Feature" -> geometryOf(node.path("geometry"));
            case "FeatureCollection" -> {
                JsonNode features = node.path("features");
                if (!features.isArray() || features.size() != 1) {
                    throw new InvalidInputException(FIELD, "area.boundary.one-feature");
                }
                yield geometryOf(features.get(0));
            }
            case "Polygon", "MultiPolygon" -> node;
            default -> throw new InvalidInputException(FIELD, "area.boundary.not-polygon");
        };
    }

    private static Geometry parse(JsonNode geometry) {
        JsonNode coordinates = geometry.path("coordinates");
        if (!coordinates.isArray() || coordinates.isEmpty()) {
            throw new InvalidInputException(FIELD, "area.boundary.not-polygon");
        }
        if ("Polygon".equals(geometry.path("type").asString(""))) {
            return polygon(coordinates);
        }
        List<Polygon> polygons = new ArrayList<>();
        for (JsonNode polygon : coordinates) {
            polygons.add(polygon(polygon));
        }
        return GEOMETRY.createMultiPolygon(polygons.toArray(Polygon[]::new));
    }

    private static Polygon polygon(JsonNode rings) {
        if (!rings.isArray() || rings.isEmpty()) {
            throw new InvalidInputException(FIELD, "area.boundary.not-polygon");
        }
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i));
        }
        return GEOMETRY.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode positions) {
        if (!positions.isArray() || positions.size() < 4) {
            throw new InvalidInputException(FIELD, "area.boundary.ring-too-short");
        }
        Coordinate[] coordinates = new Coordinate[positions.size()];
        for (int i = 0; i < positions.size(); i++) {
            JsonNode position = positions.get(i);
            if (!position.isArray() || position.size() < 2 || !position.get(0).isNumber() || !position.get(1).isNumber()) {
                throw new InvalidInputException(FIELD, "area.boundary.bad-position");
            }
            double lng = position.get(0).asDouble();
            double lat = position.get(1).asDouble();
            if (lng < -180 || lng > 180 || lat < -90 || lat > 90) {
                throw new InvalidInputException(FIELD, "area.boundary.bad-position");
            }
            coordinates[i] = new Coordinate(lng, lat);
        }
        if (!coordinates[0].equals2D(coordinates[coordinates.length - 1])) {
            throw new InvalidInputException(FIELD, "area.boundary.open-ring");
        }
        return GEOMETRY.createLinearRing(coordinates);
    }
}
