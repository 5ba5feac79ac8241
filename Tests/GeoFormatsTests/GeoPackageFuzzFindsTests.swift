import Foundation
import GEOSKit
import Testing
@testable import GeoFormats

/// Finds in binary formats, rebuilt from a good file (a GeoPackage is too big to keep by hand).
@Suite struct FuzzFindsInGeoPackagesTests {
    /// A small GeoPackage (two polygons) whose GeoPackage tables are then damaged with `sqlite3`.
    func damaged(_ sql: String, _ name: String = #function) throws -> URL {
        let context = try GEOSContext()
        let dir = try TestData.scratch(name)
        let layer = FeatureLayer(name: "t", crs: "EPSG:4490", fields: ["a"], features: [
            Feature(properties: ["a": .integer(1)], geometry: try context.geometry(wkt: "POLYGON ((0 0, 1 0, 1 1, 0 0))")),
            Feature(properties: ["a": .integer(2)], geometry: try context.geometry(wkt: "POLYGON ((0 0, 2 0, 2 2, 0 0))")),
        ])
        let url = dir.appendingPathComponent("damaged.gpkg")
        _ = try GeoPackageWriter().write(layer, to: url, options: WriteOptions())
        // The R-tree triggers call GeoPackage SQL functions the sqlite3 shell lacks.
        try GDAL.runSQLite(url, (1...4).map { "DROP TRIGGER rtree_t_geom_update\($0);" }.joined() + sql)
        return url
    }

    @Test(arguments: [
        // GRDB's `row["srs_id"] as Int` trapped (SIGILL) on these.
        ("UPDATE gpkg_geometry_columns SET srs_id = 'POINT'", "srs_id in gpkg_geometry_columns of table \"t\" holds the text \"POINT\", not an integer"),
        ("UPDATE gpkg_geometry_columns SET srs_id = 9e999", "srs_id in gpkg_geometry_columns of table \"t\" holds the number inf, not an integer"),
        ("UPDATE gpkg_spatial_ref_sys SET organization_coordsys_id = 'x' WHERE srs_id = 4490", "organization_coordsys_id in gpkg_spatial_ref_sys (srs_id 4490) holds the text \"x\""),
        ("UPDATE t SET geom = 12 WHERE fid = 2", "feature 2: the geometry column geom holds the integer 12, not a blob"),
    ])
    func wrongTypesAreErrors(sql: String, expected: String) throws {
        let url = try damaged(sql)
        let e = formatError { _ = try GeoFormat.read(url, context: try GEOSContext()) }
        #expect(e?.file.hasSuffix("damaged.gpkg") == true, "\(e?.description ?? "no error")")
        #expect(e?.description.contains(expected) == true, "\(e?.description ?? "no error")")
    }
}
