import Boundary
import Foundation
import GEOSKit
import Testing

/// The shipped sample surveys: the clean one gives no finding; every fault injected in the faulty
/// one is found with the right rule, features, location and value; nothing is found away from a fault.
@Suite(.serialized) struct SurveySampleTests {
    struct Expected: Decodable {
        struct Fault: Decodable {
            var name: String
            var footprint: String
            var expected: [Finding]
        }
        struct Finding: Decodable {
            var rule: String
            var features: [String]
            var location: [Double]?
            var radius: Double
            var value: Double?
            var valueTolerance: Double?
        }
        var faults: [Fault]
    }

    @Test func cleanSurveyHasNoFindings() throws {
        let report = try SurveyTestData.validate(SurveyTestData.sample("clean"))
        #expect(report.survey.lines.count == 19)
        #expect(report.survey.markers.count == 147)
        #expect(report.survey.divisions.count == 4)
        #expect(report.survey.metricCRS.epsgCode == 4545)
        #expect(report.findings.map { "\($0.ruleID): \($0.message)" } == [])
    }

    @Test func everyInjectedFaultIsFoundAndNothingElse() throws {
        let report = try SurveyTestData.validate(SurveyTestData.sample("faulty"))
        let data = try Data(contentsOf: URL(fileURLWithPath: SurveyTestData.path("samples/faulty/expected.json")))
        let expected = try JSONDecoder().decode(Expected.self, from: data)
        let context = report.survey.context
        let locations = try report.findings.map { try $0.location(in: context) }

        // Every rule of the catalogue has at least one injected fault.
        let injected = Set(expected.faults.flatMap { $0.expected.map(\.rule) })
        // (coverage.hole, a wide uncovered face, is often meant and is shown on the real layers instead.)
        for d in RuleCatalogue.definitions where d.id != "coverage.hole" {
            #expect(injected.contains(d.id), "no fault injected for \(d.id)")
        }

        for fault in expected.faults {
            for e in fault.expected {
                let candidates = try report.findings.indices.filter { i in
                    let f = report.findings[i]
                    guard f.ruleID == e.rule else { return false }
                    let keys = Set(f.features.compactMap(\.key))
                    guard e.features.allSatisfy(keys.contains) else { return false }
                    if let loc = e.location {
                        guard let g = locations[i] else { return false }
                        guard try g.distance(to: try context.point(x: loc[0], y: loc[1])) <= e.radius else { return false }
                    }
                    if let v = e.value, let tol = e.valueTolerance {
                        guard let got = f.value, abs(got - v) <= tol else { return false }
                    }
                    return true
                }
                #expect(!candidates.isEmpty, "fault \(fault.name): no \(e.rule) finding naming \(e.features) at \(e.location ?? [])")
            }
        }

        // Measuring rules give the value and the tolerance it broke.
        for f in report.findings where ["marker.off-line", "line.undershoot", "line.overshoot", "geometry.spike", "line.polygon-mismatch"].contains(f.ruleID) {
            let v = try #require(f.value), t = try #require(f.tolerance)
            switch f.ruleID {
            case "geometry.spike": #expect(v < t)                       // an angle below the minimum
            case "line.undershoot", "line.overshoot": #expect(v <= t)  // within the snapping distance
            default: #expect(v > t)                                     // a distance above the maximum
            }
        }

        // Nothing is found away from the faults (consequences of a fault lie on or beside it).
        let footprints = try expected.faults.map { try context.geometry(wkt: $0.footprint) }
        for (i, f) in report.findings.enumerated() {
            guard let g = locations[i] else {
                #expect(f.ruleID == "geometry.empty", "\(f.ruleID) has no location: \(f.message)")
                continue
            }
            let near = try footprints.contains { try !$0.isEmpty && $0.distance(to: g) <= 50 }
            #expect(near, "\(f.ruleID) away from every fault: \(f.message)")
        }
    }
}
