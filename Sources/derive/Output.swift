import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Why a command's output did not reach standard output.
enum OutputError: Error, CustomStringConvertible {
    /// Standard output was closed before the command started (`derive … >&-`).
    case closed
    /// A write or the final flush failed with this `errno` (ENOSPC for /dev/full, EPIPE for a
    /// reader that went away, EBADF, EIO).
    case writeFailed(errno: Int32)

    var description: String {
        switch self {
        case .closed: return "standard output is closed; nothing was written"
        case let .writeFailed(code): return "cannot write to standard output: \(String(cString: strerror(code)))"
        }
    }
}

/// The commands' only way to standard output. Every write is checked, so a full disk, a closed
/// descriptor or a vanished reader ends the command with an error and a non-zero status rather
/// than a success that printed nothing.
///
/// Writes go straight to the descriptor with `write(2)`: there is no buffer that could fail
/// unnoticed after the command has returned. (Swift 6 also refuses the C global `stdout`.)
enum Output {
    /// Writes `text` followed by a newline.
    static func line(_ text: String) throws(OutputError) {
        try send(Array((text + "\n").utf8))
    }

    /// Writes each of `lines` followed by a newline, in one system call.
    static func lines(_ lines: [String]) throws(OutputError) {
        try line(lines.joined(separator: "\n"))
    }

    /// Flushes whatever may still sit in a stdio buffer (a stray `print`) and reports its failure;
    /// each command calls this last, before returning its own status.
    static func finish() throws(OutputError) {
        if fflush(nil) != 0 { throw .writeFailed(errno: errno) }
    }

    /// Fails when standard output is not an open descriptor. Checked at start-up: a file the
    /// command opens later would otherwise take descriptor 1 and receive the report.
    static func requireOpen() throws(OutputError) {
        if fcntl(STDOUT_FILENO, F_GETFD) == -1 { throw .closed }
    }

    private static func send(_ bytes: [UInt8]) throws(OutputError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                write(STDOUT_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                // A signal interrupted the call before anything was written: try again.
                if errno == EINTR { continue }
                throw .writeFailed(errno: errno)
            }
            offset += written
        }
    }
}
