/// Field names are short in every format quhua reads (a DBF allows 10 bytes); one of many
/// kilobytes is damage, and one written once per feature can make an output of gigabytes.
///
/// ```swift
/// try FieldNameCheck.check(layer, file: "markers.kml")
/// ```
enum FieldNameCheck {
    /// Throws when a field name is longer than ``GeoFormat/maximumFieldNameLength`` bytes.
    ///
    /// - Throws: ``GeoFormatError`` naming the file, the first feature holding the field, its length and start.
    static func check(_ layer: FeatureLayer, file: String) throws {
        let limit = GeoFormat.maximumFieldNameLength
        guard let long = layer.fields.first(where: { $0.utf8.count > limit }) else { return }
        let feature = layer.features.firstIndex { $0.properties[long] != nil }.map { $0 + 1 }
        throw GeoFormatError(file: file, feature: feature,
                             problem: "a field name is \(long.utf8.count) bytes long (\"\(long.prefix(24))…\"); names longer than \(limit) bytes are not read (a damaged file?)")
    }
}
