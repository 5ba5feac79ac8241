import ArgumentParser

/// `quhua export`: quhua's results as a mapping system wants them.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export the gazetteer's divisions, its place-name records, or validation findings, for GIS, web maps and historical gazetteers.",
        discussion: """
        `quhua export` alone is `quhua export divisions`.

        Formats: geojson, geojsonl, gpkg, shp, kml, kmz, csv, topojson (default: from the output \
        file's extension), and lpf for divisions. GeoJSON, KML and LPF are written in WGS84 \
        unless --to-crs says otherwise.

        Examples:
          quhua export -o prefectures.gpkg --level prefecture
          quhua export divisions --format lpf --at 1997-07-01 --within 500000 -o chongqing-1997.lpf.json
          quhua export divisions --within 610000 --to-crs GCJ-02 -o shaanxi.kml
          quhua export records -o records.gpkg
          quhua validate --format json survey.geojson > findings.json
          quhua export findings findings.json -o findings.gpkg --from-crs CGCS2000

        Exit codes: 0 written, 2 usage, 3 unreadable input or unwritable output.
        """,
        subcommands: [ExportDivisions.self, ExportRecords.self, ExportFindings.self],
        defaultSubcommand: ExportDivisions.self
    )
}
