package org.lianxin.generator;

/**
 * A named size of generated data. {@code district} follows the seed's 荔湾区: 22 subdistricts, 190
 * communities, 925 grids with their Party branches, 1,754 grid groups and about 20,000
 * responsibility zones; {@code community} follows seed 004's 王家屯社区: 8 grids, 123 micro-grids.
 */
enum Scale {

    COMMUNITY(1, 1, 8, 123, 2, 170, 16, 15, 4),
    DISTRICT(22, 190, 925, 2_775, 12, 20_000, 1_754, 15, 10);

    final int subdistricts;
    final int communities;
    final int grids;
    final int microGrids;
    final int buildingsPerCompound;
    final int responsibilityZones;
    final int gridGroups;
    final int partnersPerCommunity;
    /**
     * Households per building, 2.8 residents each on average: ≈1,000 in the community; 333,000 households and
     * ≈933,000 residents in the district (132 s on PostgreSQL here; see bench/README.md).
     */
    final int householdsPerBuilding;

    Scale(int subdistricts, int communities, int grids, int microGrids, int buildingsPerCompound,
          int responsibilityZones, int gridGroups, int partnersPerCommunity, int householdsPerBuilding) {
        this.subdistricts = subdistricts;
        this.communities = communities;
        this.grids = grids;
        this.microGrids = microGrids;
        this.buildingsPerCompound = buildingsPerCompound;
        this.responsibilityZones = responsibilityZones;
        this.gridGroups = gridGroups;
        this.partnersPerCommunity = partnersPerCommunity;
        this.householdsPerBuilding = householdsPerBuilding;
    }

    /** Party members to generate: seed 003's 57,546 registered members in the district; about 300 in a community. */
    int members() {
        return this == DISTRICT ? 57_546 : 300;
    }

    /** Needs (需求) to generate in every state: 50,000 over the district's 190 communities; 500 in a community. */
    int needs() {
        return this == DISTRICT ? 50_000 : 500;
    }

    static Scale of(String name) {
        return valueOf(name.strip().toUpperCase(java.util.Locale.ROOT));
    }
}
