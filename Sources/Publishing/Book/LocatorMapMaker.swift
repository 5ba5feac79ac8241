import Foundation
import GEOSKit
import Gazetteer

/// Makes each county's locator map from the polygons the gazetteer stores, simplifying each polygon once.
final class LocatorMapMaker {
    private let geometries: [Int64: StoredGeometry]
    private let context: GEOSContext
    private var shapes: [Int64: MapShape?] = [:]
    private let namesByID: [Int64: (code: String, name: String, level: PlaceLevel)]

    init(geometries: [Int64: StoredGeometry], details: [Int64: PlaceDetails], context: GEOSContext) {
        self.geometries = geometries
        self.context = context
        var names: [Int64: (code: String, name: String, level: PlaceLevel)] = [:]
        for (_, value) in details {
            for step in value.ancestry where step.existed {
                names[step.place.id] = (step.place.code ?? "", step.place.name, step.place.level)
            }
        }
        self.namesByID = names
    }

    private func shape(_ id: Int64, tolerance: Double) -> MapShape? {
        if let known = shapes[id] { return known }
        guard let stored = geometries[id], stored.srid == 4326, let label = namesByID[id] else { shapes[id] = .some(nil); return nil }
        let made = MapShape(code: label.code, name: label.name, level: label.level.rawValue, wkb: stored.wkb, tolerance: tolerance, context: context)
        shapes[id] = .some(made)
        return made
    }

    /// The map of a county: its own polygon when stored, within the nearest division above it with a polygon.
    func map(for county: PlaceDetails) -> LocatorMap? {
        let steps = county.ancestry.filter(\.existed)
        guard let frameStep = steps.dropFirst().first(where: { geometries[$0.place.id] != nil }) else { return nil }
        guard let stored = geometries[frameStep.place.id], let rough = try? context.geometry(wkb: stored.wkb),
              let extent = try? rough.envelope else { return nil }
        let tolerance = max(extent.width, extent.height) / 250
        guard let frame = shape(frameStep.place.id, tolerance: tolerance) else { return nil }
        let focus = geometries[county.summary.id] != nil ? shapeOfCounty(county, tolerance: tolerance) : nil
        // Faint context: the other polygons under the frame's own parent (the province's other prefectures).
        var neighbours: [MapShape] = []
        if let frameIndex = steps.firstIndex(where: { $0.place.id == frameStep.place.id }), frameIndex + 1 < steps.count {
            let grandparent = steps[frameIndex + 1].place.id
            for (id, _) in geometries where id != frameStep.place.id && id != county.summary.id && siblingOf(id, parent: grandparent) {
                if let other = shape(id, tolerance: tolerance) { neighbours.append(other) }
            }
        }
        neighbours.sort { $0.code < $1.code }
        let label = "\(county.summary.code ?? "") \(county.summary.name)"
        return LocatorMap.draw(focus: focus, frame: frame, neighbours: neighbours, countyLabel: label)
    }

    private var parentOf: [Int64: Int64] = [:]

    private func siblingOf(_ id: Int64, parent: Int64) -> Bool {
        parentOf[id] == parent
    }

    /// Records the parents seen in the ancestry chains (for the context polygons).
    func learnParents(from details: [Int64: PlaceDetails]) {
        for (_, value) in details {
            let steps = value.ancestry.filter(\.existed)
            for (index, step) in steps.enumerated() where index + 1 < steps.count {
                parentOf[step.place.id] = steps[index + 1].place.id
            }
        }
    }

    private func shapeOfCounty(_ county: PlaceDetails, tolerance: Double) -> MapShape? {
        if shapes[county.summary.id] == nil, let stored = geometries[county.summary.id], stored.srid == 4326 {
            shapes[county.summary.id] = .some(MapShape(code: county.summary.code ?? "", name: county.summary.name, level: "county",
                                                        wkb: stored.wkb, tolerance: tolerance / 2, context: context))
        }
        return shapes[county.summary.id] ?? nil
    }
}
