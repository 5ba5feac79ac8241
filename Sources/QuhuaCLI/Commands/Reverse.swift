import ArgumentParser
import Gazetteer

/// `quhua reverse`: the divisions containing a point.
struct Reverse: GazetteerCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find the divisions whose polygon contains a point, deepest first.",
        discussion: """
        Uses the stored polygons (the shipped layer has prefecture-level divisions, 2023 edition; \
        quhua import geometry --level county|township adds deeper ones) through an R*Tree of \
        bounding boxes and GEOS prepared polygons. The last line says at which level the answer \
        stops and why: no polygons of the deeper levels are stored, or some are but none contains \
        the point. With --at, codes, names and parents are those of that day, and polygons valid \
        that day are used where stored (else the current ones).

        Examples:
          quhua reverse 106.57 29.55             a point in 渝中区, Chongqing
          quhua reverse 108.38 30.81 --at 1990   万州 in 1990
        """)

    @OptionGroup var options: GazetteerOptions
    @OptionGroup var date: DateOptions

    @Argument(help: "Longitude in degrees east (−180 … 180).")
    var longitude: Double

    @Argument(help: "Latitude in degrees north (−90 … 90).")
    var latitude: Double

    func validate() throws {
        guard (-180...180).contains(longitude), (-90...90).contains(latitude) else {
            throw ValidationError("longitude must be in −180…180 and latitude in −90…90 (give LON LAT, in that order)")
        }
    }

    func execute() throws {
        let store = try options.openStore()
        let answer = try ReverseGeocoder(store: store).answer(longitude: longitude, latitude: latitude, at: try date.day)
        if options.format == .json { return try Terminal.printJSON(answer) }
        for hit in answer.results {
            let filling = hit.polygonLevel == hit.place.level ? "" : ", filling the \(hit.polygonLevel.rawValue) level"
            print("\(hit.place.code ?? "") \(hit.place.name)  \(hit.place.level.rawValue)  (polygon: \(hit.boundarySource)\(filling))")
            print("    " + hit.ancestry.reversed().map(\.label).joined(separator: " › "))
            if let held = hit.heldThen, let day = try date.day {
                print("    the polygon is today's; \(hit.place.name) gained territory after \(day), when the point lay in one of: "
                      + held.map { "\($0.code ?? "") \($0.name)" }.joined(separator: ", "))
            }
        }
        print(answer.results.isEmpty ? "No division here: \(answer.stop)." : "The answer \(answer.stop).")
    }
}
