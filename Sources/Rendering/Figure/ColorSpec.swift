/// Colours as matplotlib accepts them, and its default colour cycle.
public enum ColorSpec {
    /// matplotlib's default property cycle (tab10): C0 ... C9.
    public static let cycle: [Color] = [
        "1f77b4", "ff7f0e", "2ca02c", "d62728", "9467bd", "8c564b", "e377c2", "7f7f7f", "bcbd22", "17becf",
    ].map { hexColor($0)! }

    /// The single-letter colours of format strings.
    public static let letters: [Character: Color] = [
        "b": Color(r: 0, g: 0, b: 1), "g": Color(r: 0, g: 0.5, b: 0), "r": Color(r: 1, g: 0, b: 0),
        "c": Color(r: 0, g: 0.75, b: 0.75), "m": Color(r: 0.75, g: 0, b: 0.75), "y": Color(r: 0.75, g: 0.75, b: 0),
        "k": Color(r: 0, g: 0, b: 0), "w": Color(r: 1, g: 1, b: 1),
    ]

    /// Parses a colour string: a name ('red', 'tab:blue', 'none'), a letter ('r'), 'C3',
    /// '#rgb', '#rrggbb', '#rrggbbaa', or a grey level between '0' and '1'.
    public static func parse(_ text: String) throws -> Color {
        let s = text.trimmingCharacters(in: .whitespaces)
        let lower = s.lowercased()
        if lower == "none" || lower == "transparent" { return .clear }
        if s.count == 1, let c = letters[Character(lower)] { return c }
        if s.count == 2, s.first == "C", let i = Int(s.dropFirst()) { return cycle[i % cycle.count] }
        if s.hasPrefix("#") {
            let hex = String(s.dropFirst())
            if hex.count == 3 || hex.count == 4 {
                let doubled = hex.map { "\($0)\($0)" }.joined()
                if let c = hexColor(doubled) { return c }
            }
            if let c = hexColor(hex) { return c }
            throw RenderingError.invalidColor(text)
        }
        if let hex = NamedColorTable.hex[lower] ?? NamedColorTable.hex[lower.replacingOccurrences(of: "grey", with: "gray")],
           let c = hexColor(hex) {
            return c
        }
        if let v = Double(s), (0...1).contains(v) { return Color(r: v, g: v, b: v) }
        throw RenderingError.invalidColor(text)
    }

    /// An RGB or RGBA tuple of numbers in 0...1.
    public static func fromComponents(_ values: [Double]) throws -> Color {
        guard values.count == 3 || values.count == 4, values.allSatisfy({ (0...1).contains($0) }) else {
            throw RenderingError.invalidColor("(" + values.map { "\($0)" }.joined(separator: ", ") + ")")
        }
        return Color(r: values[0], g: values[1], b: values[2], a: values.count == 4 ? values[3] : 1)
    }

    static func hexColor(_ hex: String) -> Color? {
        guard hex.count == 6 || hex.count == 8, let v = UInt64(hex, radix: 16) else { return nil }
        if hex.count == 8 {
            return Color(r: Double((v >> 24) & 0xFF) / 255, g: Double((v >> 16) & 0xFF) / 255,
                         b: Double((v >> 8) & 0xFF) / 255, a: Double(v & 0xFF) / 255)
        }
        return Color(r: Double((v >> 16) & 0xFF) / 255, g: Double((v >> 8) & 0xFF) / 255, b: Double(v & 0xFF) / 255)
    }
}

import Foundation
