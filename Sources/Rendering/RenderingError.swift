/// What can go wrong while drawing or encoding; each case says what to change.
public enum RenderingError: Error, CustomStringConvertible, Sendable, Equatable {
    case invalidSize(width: Int, height: Int)
    case pixelCountMismatch(expected: Int, got: Int)
    case compressionFailed(code: Int32)
    case invalidColor(String)
    case unknownColormap(String)
    case invalidArgument(String)

    public var description: String {
        switch self {
        case let .invalidSize(w, h):
            return "image size \(w)x\(h) is not drawable: width and height must be between 1 and 32768 pixels"
        case let .pixelCountMismatch(expected, got):
            return "expected \(expected) RGBA bytes for this image size, got \(got)"
        case let .compressionFailed(code):
            return "zlib could not compress the image data (error \(code))"
        case let .invalidColor(text):
            return "'\(text)' is not a valid color: use a name ('red', 'tab:blue'), a single letter ('r'), a hex string ('#1f77b4'), a grey level string ('0.5') or an RGB(A) tuple of numbers in 0...1"
        case let .unknownColormap(name):
            return "'\(name)' is not a known colormap name; try 'viridis', 'gray', 'gray_r', 'binary', 'hot', 'plasma', 'inferno', 'magma', 'cividis', 'jet', 'coolwarm', 'Blues', 'Reds', 'Greens', 'RdBu', 'tab10'"
        case let .invalidArgument(text):
            return text
        }
    }
}
