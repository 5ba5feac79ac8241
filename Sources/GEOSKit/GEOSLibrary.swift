import CGEOS

/// Facts about the GEOS library quhua is running on.
///
/// Debian 12 ships GEOS 3.11, which has no coverage functions (3.12+) and no
/// `GEOSSTRtree_build`. Anything that needs a newer GEOS asks ``supports(major:minor:)``
/// first and keeps a 3.11 path.
///
/// ```swift
/// if GEOSLibrary.supports(major: 3, minor: 12) { … } else { … }
/// ```
public enum GEOSLibrary {
    /// The version string reported by the loaded `libgeos_c`, for example `"3.11.1-CAPI-1.17.1"`.
    public static var runtimeVersion: String {
        guard let cString = GEOSversion() else { return "unknown" }
        return String(cString: cString)
    }

    /// The major, minor and patch numbers of the loaded GEOS, parsed from ``runtimeVersion``.
    public static var version: (major: Int, minor: Int, patch: Int) {
        let head = runtimeVersion.split(separator: "-").first ?? ""
        let parts = head.split(separator: ".").map { Int($0.prefix { $0.isNumber }) ?? 0 }
        return (parts.count > 0 ? parts[0] : 0, parts.count > 1 ? parts[1] : 0, parts.count > 2 ? parts[2] : 0)
    }

    /// Whether the loaded GEOS is at least `major.minor`.
    public static func supports(major: Int, minor: Int) -> Bool {
        let v = version
        return v.major > major || (v.major == major && v.minor >= minor)
    }
}
