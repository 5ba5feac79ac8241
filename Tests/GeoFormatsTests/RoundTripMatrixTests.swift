import Foundation
import GEOSKit
import Testing
@testable import GeoFormats

/// The text formats through the registry, on both shipped layers: written, read back, and compared
/// (geometry exactly, attributes as a user reads them). GeoJSON, GeoPackage and Shapefile have
/// their own round trips on both layers (GeoJSONWriterTests, GeoPackageWriterTests, ShapefileWriterTests).
@Suite struct RoundTripMatrixTests {
    static let layers = ["prefectures", "counties"]
    static let formats: [GeoFormat] = [.geoJSONSeq, .kml, .kmz, .csv, .topoJSON]

    @Test(arguments: layers, formats)
    func roundTrip(which: String, format: GeoFormat) throws {
        let context = try GEOSContext()
        var original = try GeoJSONReader().read(which == "prefectures" ? TestData.prefectures : TestData.usCounties, context: context)
        original.crs = "EPSG:4326"
        let url = try TestData.scratch().appendingPathComponent("\(which).\(format.fileExtension)")
        _ = try format.writer.write(original, to: url, options: WriteOptions(encoding: which == "prefectures" ? .gbk : .utf8))
        var options = ReadOptions()
        options.csv.inferTypes = true
        let back = try GeoFormat.read(url, options: options, context: context)
        #expect(back.features.count == original.features.count)
        let diff = try firstDifference(original, back, asText: true)
        #expect(diff == nil, "\(format): \(diff ?? "")")
        // GDAL opens every file (the prefectures' CSV is GBK, which GDAL's CSV driver does not decode).
        if GDAL.available, format != .csv || which == "counties" {
            let info = try GDAL.ogrinfo(["-so", "-al", url.path])
            let counts = info.split(separator: "\n").compactMap { $0.hasPrefix("Feature Count: ") ? Int($0.dropFirst(15)) : nil }
            #expect(counts.reduce(0, +) == original.features.count, "\(format): \(info.prefix(1500))")
        }
    }
}
