import Foundation
import GEOSKit

/// Reads a file of one format into a ``FeatureLayer``: the counterpart of ``FeatureWriter``.
///
/// Every reader quhua has conforms; ``GeoFormat/reader`` gives the one for a format and
/// ``GeoFormat/read(_:format:options:context:)`` — the one way in that `convert`, survey
/// loading and the gazetteer's imports share — picks it from the file name.
///
/// ```swift
/// let reader = GeoFormat.kml.reader
/// let layer = try reader.read(URL(fileURLWithPath: "lines.kml"), options: ReadOptions(), context: context)
/// ```
public protocol FeatureReader: Sendable {
    /// Reads the layer at `url`.
    ///
    /// - Parameter options: The layer to pick (GeoPackage table, TopoJSON object), the text
    ///   encoding (Shapefile DBF, CSV) and the CSV columns; a format ignores what it has no use for.
    /// - Throws: ``GeoFormatError`` naming the file, the feature and the problem.
    func read(_ url: URL, options: ReadOptions, context: GEOSContext) throws -> FeatureLayer
}

extension GeoJSONReader: FeatureReader {
    /// Reads a GeoJSON FeatureCollection, Feature or bare geometry; `options` are not used.
    public func read(_ url: URL, options: ReadOptions, context: GEOSContext) throws -> FeatureLayer {
        try read(url, context: context)
    }
}

/// Reads newline-delimited GeoJSON (GeoJSONSeq, RFC 8142): one feature per line.
public struct NewlineGeoJSONReader: FeatureReader {
    /// Creates a reader.
    public init() {}

    /// Reads one feature per line; `options` are not used.
    ///
    /// - Throws: ``GeoFormatError`` naming the file, the feature (its line) and the problem.
    public func read(_ url: URL, options: ReadOptions, context: GEOSContext) throws -> FeatureLayer {
        try GeoJSONReader().readSequence(url, context: context)
    }
}

extension GeoPackageReader: FeatureReader {
    /// Reads the table `options.layer` (or the only or first feature table).
    public func read(_ url: URL, options: ReadOptions, context: GEOSContext) throws -> FeatureLayer {
        try read(url, layer: options.layer, context: context)
    }
}

extension ShapefileReader: FeatureReader {
    /// Reads a Shapefile (or a `.zip` bundle); `options.encoding`, when given, overrides the reader's.
    public func read(_ url: URL, options: ReadOptions, context: GEOSContext) throws -> FeatureLayer {
        try ShapefileReader(encoding: options.encoding ?? encoding).read(url, context: context)
    }
}

extension KMLReader: FeatureReader {
    /// Reads KML or KMZ; `options` are not used (KML is UTF-8 or declares its encoding).
    public func read(_ url: URL, options: ReadOptions, context: GEOSContext) throws -> FeatureLayer {
        try read(url, context: context)
    }
}

extension CSVReader: FeatureReader {
    /// Reads a CSV table with `options.csv` (which replace the reader's own options);
    /// `options.encoding` applies when the CSV options name none.
    public func read(_ url: URL, options: ReadOptions, context: GEOSContext) throws -> FeatureLayer {
        var csv = options.csv
        if csv.encoding == nil { csv.encoding = options.encoding }
        return try CSVReader(options: csv).read(url, context: context)
    }
}

extension TopoJSONReader: FeatureReader {
    /// Reads the object `options.layer` (or the only or first one) of a Topology.
    public func read(_ url: URL, options: ReadOptions, context: GEOSContext) throws -> FeatureLayer {
        try read(url, layer: options.layer, context: context)
    }
}
