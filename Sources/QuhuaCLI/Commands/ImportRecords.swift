import ArgumentParser
import Foundation
import Gazetteer

/// `quhua import records`: place-name records from any layer through a column mapping.
struct ImportRecords: GazetteerCommand {
    static let configuration = CommandConfiguration(
        commandName: "records",
        abstract: "Import place-name records (name, category, meaning, origin, history, location, sources) from CSV, GeoJSON, GeoPackage or Shapefile.",
        discussion: """
        --map says which column holds which field: name, code, type, parent, level (township, \
        village, feature), category (GB/T 18521), romanization, meaning (含义), origin (来历), \
        history (沿革), note, source (document cited), page, from, to; for CSV also lon, lat or wkt. \
        Unmapped fields are read from columns of the same name. --set gives a field the same value \
        on every row; --only imports only rows whose column has the value. The location is the \
        feature's geometry (point, line or polygon, longitude/latitude) or the CSV's lon/lat or \
        WKT column.

        A row whose code names a place adds to it; an unknown code with a level creates the place \
        under its parent (a 12-digit code's county when the parent code is unknown; \
        --skip-unknown-parents skips and counts rows whose parent is still not found). Any bad row stops the import with file:line (or file: feature N) and \
        nothing is written. Importing the same file again writes nothing.

        Examples:
          quhua import records GeoData/areacity/ok_data_level4.csv \\
            --map name=ext_name,code=ext_id,parent=pid --set level=township,category=214 --only deep=3 --skip-unknown-parents
          quhua import records GeoData/geonames-cn/geonames_cities15000_CN.tsv \\
            --map code=geonameid,romanization=asciiname --set level=feature,category=24
          quhua import records bridges.geojson --map name=名称,code=编码,parent=乡镇,meaning=含义 --set level=feature,category=25
        """)

    @OptionGroup var options: GazetteerOptions
    @OptionGroup var input: ImportFileOptions

    @Option(name: .long, help: ArgumentHelp("Column mapping, field=column pairs separated by commas.", valueName: "mapping"))
    var map: String?

    @Option(name: .long, help: ArgumentHelp("Constant fields, field=value pairs separated by commas.", valueName: "values"))
    var set: String?

    @Option(name: .long, help: ArgumentHelp("Row filter, column=value pairs: only rows with these values are imported.", valueName: "filter"))
    var only: String?

    @Option(name: .long, help: "The GeoPackage layer to read (default: the first).")
    var layer: String?

    @Flag(name: .long, help: "Skip (and count) rows whose parent code no place has, instead of stopping.")
    var skipUnknownParents = false

    @Option(name: .long, help: "The CRS of the coordinates when the file does not say (EPSG:4490, CGCS2000-GK3-CM108, GCJ-02 …); projected and GCJ-02 coordinates are stored as WGS 84 longitude/latitude.")
    var crs: String?

    func execute() throws {
        let mapping = try RecordColumnMapping(parsing: map, constants: set, only: only)
        try options.run(RecordImporter(file: input.url, mapping: mapping, layer: layer, skipUnknownParents: skipUnknownParents, crs: crs),
                        progress: input.progress)
    }
}
