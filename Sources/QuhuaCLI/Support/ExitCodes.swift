import ArgumentParser
import Foundation
import Gazetteer

extension Quhua {
    /// Runs the command with quhua's exit codes: 0 ok, 2 usage error, 3 unreadable or invalid input.
    ///
    /// ArgumentParser reports usage errors with 64; quhua documents 2. Errors of the
    /// libraries (``GazetteerError``) are input problems: their message, then exit 3.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as GazetteerError {
            Terminal.endProgress()
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            Foundation.exit(3)
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
