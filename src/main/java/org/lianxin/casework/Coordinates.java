package org.lianxin.casework;

/**
 * Phones in China report GCJ-02 (the "offset" datum every domestic map uses); Lianxin stores WGS-84, in which
 * the grid polygons are drawn. GCJ-02 → WGS-84 has no closed form: the forward transform (the published
 * WGS-84 → GCJ-02 formula with the Krasovsky ellipsoid) is inverted by fixed-point iteration until the error is
 * below a millimetre or so. Points outside mainland China are not offset and come back unchanged.
 */
final class Coordinates {

    private static final double A = 6378245.0;
    private static final double EE = 0.00669342162296594323;

    private Coordinates() {
    }

    /** {longitude, latitude} in WGS-84 for a GCJ-02 point. */
    static double[] gcj02ToWgs84(double longitude, double latitude) {
        if (outOfChina(longitude, latitude)) {
            return new double[] {longitude, latitude};
        }
        double lon = longitude;
        double lat = latitude;
        for (int i = 0; i < 30; i++) {
            double[] forward = wgs84ToGcj02(lon, lat);
            double dLon = forward[0] - longitude;
            double dLat = forward[1] - latitude;
            lon -= dLon;
            lat -= dLat;
            if (Math.abs(dLon) < 1e-9 && Math.abs(dLat) < 1e-9) {
                break;
            }
        }
        return new double[] {lon, lat};
    }

    /** {longitude, latitude} in GCJ-02 for a WGS-84 point. */
    static double[] wgs84ToGcj02(double longitude, double latitude) {
        if (outOfChina(longitude, latitude)) {
            return new double[] {longitude, latitude};
        }
        double dLat = transformLat(longitude - 105.0, latitude - 35.0);
        double dLon = transformLon(longitude - 105.0, latitude - 35.0);
        double radLat = latitude / 180.0 * Math.PI;
        double magic = Math.sin(radLat);
        magic = 1 - EE * magic * magic;
        double sqrtMagic = Math.sqrt(magic);
        dLat = (dLat * 180.0) / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
        dLon = (dLon * 180.0) / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
        return new double[] {longitude + dLon, latitude + dLat};
    }

    /** The great-circle distance in metres (haversine, mean Earth radius). */
    static double metres(double lon1, double lat1, double lon2, double lat2) {
        double r = 6_371_008.8;
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * r * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    static boolean outOfChina(double longitude, double latitude) {
        return longitude < 72.004 || longitude > 137.8347 || latitude < 0.8293 || latitude > 55.8271;
    }

    private static double transformLat(double x, double y) {
        double ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
        ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return ret;
    }

    private static double transformLon(double x, double y) {
        double ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
        ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return ret;
    }
}
