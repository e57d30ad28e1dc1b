/// What `read_csv` was asked for: pandas' keyword arguments that SwiftML honours.
public struct CSVOptions: Sendable {
    /// How the header row is chosen (`header=`).
    public enum Header: Sendable { case infer, none, row(Int) }
    /// A column named by its label or its position (`index_col=`, `usecols=`).
    public enum ColumnRef: Sendable, Hashable { case name(String), position(Int) }

    /// The field separator; `nil` means runs of whitespace (`sep='\s+'`).
    public var separator: UInt8? = UInt8(ascii: ",")
    public var header: Header = .infer
    public var names: [String]? = nil
    public var indexColumn: ColumnRef? = nil
    public var useColumns: [ColumnRef]? = nil
    /// Extra strings read as missing (`na_values=`), for every column.
    public var naValues: Set<String> = []
    /// Whether pandas' default missing markers (`NA`, `NaN`, `''`, ...) count (`keep_default_na`).
    public var keepDefaultNA = true
    public var comment: UInt8? = nil
    public var skipInitialSpace = false
    /// Rows to skip at the start of the file (`skiprows=n`).
    public var skipRows = 0
    /// Rows to read at most (`nrows=`).
    public var rowLimit: Int? = nil
    /// Forced dtypes by column name, or for every column under the key `nil`.
    public var dtypes: [String?: ColumnDType] = [:]
    public var quote: UInt8 = UInt8(ascii: "\"")

    public init() {}

    /// pandas' default missing-value strings (`pandas._libs.parsers.STR_NA_VALUES`).
    public static let defaultNAValues: Set<String> = [
        "", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan", "1.#IND", "1.#QNAN",
        "<NA>", "N/A", "NA", "NULL", "NaN", "None", "n/a", "nan", "null",
    ]
}
