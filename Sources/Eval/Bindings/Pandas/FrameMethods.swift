import Frames
import ML

/// The methods and properties of `pd.DataFrame`, most used first.
extension DataFrameObject {
    static let type = PyType("DataFrame", module: "pandas", doc: "A table of labelled, typed columns (pandas' DataFrame).") { t in
        t.constructor("DataFrame(data=None, index=None, columns=None, dtype=None, copy=None)") { args, interp in
            .object(DataFrameObject(try PandasConstruction.frame(args.optional("data"), columns: args.optional("columns"),
                                                                 index: args.optional("index"), dtype: args.optional("dtype"), interp)))
        }
        t.property("shape", of: DataFrameObject.self, doc: "(rows, columns)") { o, _ in .tuple([.int(o.frame.rowCount), .int(o.frame.columns.count)]) }
        t.property("columns", of: DataFrameObject.self, doc: "The column labels.", get: { o, _ in .object(IndexObject(o.frame.columnIndex)) },
                   set: { o, v, interp in
            let labels = try FrameValues.labels(v, interp)
            guard labels.count == o.frame.columns.count else {
                throw PyError(.valueError, "Length mismatch: Expected axis has \(o.frame.columns.count) elements, new values have \(labels.count) elements")
            }
            o.frame.columnIndex = .labels(labels)
        })
        t.property("index", of: DataFrameObject.self, doc: "The row labels.", get: { o, _ in .object(IndexObject(o.frame.index)) },
                   set: { o, v, interp in
            let labels = try FrameValues.labels(v, interp)
            guard labels.count == o.frame.rowCount else {
                throw PyError(.valueError, "Length mismatch: Expected axis has \(o.frame.rowCount) elements, new values have \(labels.count) elements")
            }
            o.frame.index = .labels(labels)
        })
        t.property("dtypes", of: DataFrameObject.self, doc: "Each column's dtype.") { o, _ in
            .object(SeriesObject(Series(Column(cells: o.frame.dtypes.map { .string($0.rawValue) }), index: o.frame.columnIndex)).dtypeSeries())
        }
        t.property("values", of: DataFrameObject.self, doc: "The data as a 2-d array.") { o, _ in ArrayConversion.wrap(try o.toNDArray()) }
        t.property("T", of: DataFrameObject.self, doc: "Rows and columns swapped.") { o, _ in .object(DataFrameObject(o.frame.transposed())) }
        t.property("empty", of: DataFrameObject.self, doc: "Whether the frame has no rows or no columns.") { o, _ in .bool(o.frame.rowCount == 0 || o.frame.columns.isEmpty) }
        t.property("size", of: DataFrameObject.self, doc: "rows × columns") { o, _ in .int(o.frame.rowCount * o.frame.columns.count) }
        t.property("ndim", of: DataFrameObject.self, doc: "2") { _, _ in .int(2) }
        t.property("iloc", of: DataFrameObject.self, doc: "Selection by position.") { o, _ in .object(IndexerObject(.position, frame: o)) }
        t.property("loc", of: DataFrameObject.self, doc: "Selection by label.") { o, _ in .object(IndexerObject(.label, frame: o)) }
        t.property("plot", of: DataFrameObject.self, doc: "Plots through pyplot: df.plot(), df.plot.hist(), ...") { o, _ in .object(PlotAccessor(.frame(o.frame))) }

        t.method("head(n=5)", of: DataFrameObject.self, doc: "The first n rows.") { o, args, _ in .object(DataFrameObject(o.frame.head(try args.int("n")))) }
        t.method("tail(n=5)", of: DataFrameObject.self, doc: "The last n rows.") { o, args, _ in .object(DataFrameObject(o.frame.tail(try args.int("n")))) }
        t.method("describe(percentiles=None, include=None, exclude=None)", of: DataFrameObject.self, doc: "Summary statistics of the numeric columns.") { o, args, _ in
            if args.optional("percentiles") != nil || args.optional("include") != nil || args.optional("exclude") != nil {
                throw PyError(.notImplementedError, "describe(percentiles=, include=, exclude=) is not supported in SwiftML")
            }
            return .object(DataFrameObject(try o.frame.describe()))
        }
        t.method("transpose()", of: DataFrameObject.self, doc: "Rows and columns swapped.") { o, _, _ in .object(DataFrameObject(o.frame.transposed())) }
        t.method("info(verbose=None, buf=None, max_cols=None, memory_usage=None, show_counts=None)", of: DataFrameObject.self, doc: "Prints a summary of the columns.") { o, args, interp in
            if args.optional("buf") != nil { throw PyError(.notImplementedError, "info(buf=) is not supported in SwiftML") }
            interp.write(FrameInfo.text(o.frame) + "\n")
            return .none
        }
        t.method("copy(deep=True)", of: DataFrameObject.self, doc: "An independent copy.") { o, _, _ in .object(DataFrameObject(o.frame)) }
        t.method("keys()", of: DataFrameObject.self, doc: "The column labels.") { o, _, _ in .object(IndexObject(o.frame.columnIndex)) }
        t.method("items()", of: DataFrameObject.self, doc: "(label, Series) for each column.") { o, _, _ in
            .list(o.frame.columns.indices.map { .tuple([FrameValues.plain(o.frame.columnIndex[$0]), .object(SeriesObject(o.frame.column(at: $0)))]) })
        }
        t.method("iterrows()", of: DataFrameObject.self, doc: "(label, row Series) for each row.") { o, _, _ in
            .list((0..<o.frame.rowCount).map { .tuple([FrameValues.plain(o.frame.index[$0]), .object(SeriesObject(Indexers.row(o.frame, $0)))]) })
        }
        t.method("pop(item)", of: DataFrameObject.self, doc: "Removes a column and returns it.") { o, args, interp in
            .object(SeriesObject(try o.frame.removeColumn(try FrameValues.cell(args["item"], interp))))
        }
        t.method("drop(labels=None, axis=0, index=None, columns=None, level=None, inplace=False, errors='raise')", of: DataFrameObject.self, doc: "Without the given rows or columns.") { o, args, interp in
            var result = o.frame
            let axis = try FrameValues.axis(args.optional("axis"))
            if let labels = args.optional("labels") {
                let cells = try FrameValues.labels(labels, interp)
                result = axis == 1 ? try result.droppingColumns(cells) : try result.droppingRows(cells)
            }
            if let index = args.optional("index") { result = try result.droppingRows(try FrameValues.labels(index, interp)) }
            if let columns = args.optional("columns") { result = try result.droppingColumns(try FrameValues.labels(columns, interp)) }
            if args.optional("labels") == nil && args.optional("index") == nil && args.optional("columns") == nil {
                throw PyError(.valueError, "Need to specify at least one of 'labels', 'index' or 'columns'")
            }
            return try o.result(result, inplace: try args.bool("inplace"))
        }
        t.method("dropna(axis=0, how='any', thresh=None, subset=None, inplace=False)", of: DataFrameObject.self, doc: "Without rows (or columns) holding missing values.") { o, args, interp in
            let how = try args.string("how")
            guard how == "any" || how == "all" else { throw PyError(.valueError, "invalid how option: \(how)") }
            if args.optional("thresh") != nil { throw PyError(.notImplementedError, "dropna(thresh=) is not supported in SwiftML") }
            let subset = try args.optional("subset").map { try DataFrameObject.columnPositions(try FrameValues.labels($0, interp), in: o.frame) }
            let axis = try FrameValues.axis(args.optional("axis"))
            let result = axis == 1 ? o.frame.droppingMissingColumns(all: how == "all") : o.frame.droppingMissingRows(all: how == "all", subset: subset)
            return try o.result(result, inplace: try args.bool("inplace"))
        }
        for name in ["isna", "isnull"] {
            t.method("\(name)()", of: DataFrameObject.self, doc: "True where values are missing.") { o, _, _ in .object(DataFrameObject(try o.frame.mapColumns { $0.missingMask })) }
        }
        for name in ["notna", "notnull"] {
            t.method("\(name)()", of: DataFrameObject.self, doc: "True where values are present.") { o, _, _ in
                .object(DataFrameObject(try o.frame.mapColumns { try $0.missingMask.inverted() }))
            }
        }
        t.method("fillna(value=None, method=None, axis=None, inplace=False, limit=None)", of: DataFrameObject.self, doc: "Missing values replaced.") { o, args, interp in
            guard let value = args.optional("value") else { throw PyError(.notImplementedError, "fillna(method=) is not supported in SwiftML; pass value=") }
            var result = o.frame
            if let s = value.object(as: SeriesObject.self) {
                for (c, label) in o.frame.columnLabels.enumerated() {
                    if let p = try? s.series.index.position(of: label) { result.replaceColumn(at: c, with: try Filling.fill(o.frame.columns[c], s.series.values[p])) }
                }
            } else if let d = value.object(as: DictObject.self) {
                for (k, v) in zip(d.storage.keys, d.storage.values) {
                    let c = try o.frame.columnPosition(try FrameValues.cell(k.value, interp))
                    result.replaceColumn(at: c, with: try Filling.fill(o.frame.columns[c], try FrameValues.cell(v, interp)))
                }
            } else {
                let fill = try FrameValues.cell(value, interp)
                result = try o.frame.mapColumns { try Filling.fill($0, fill) }
            }
            return try o.result(result, inplace: try args.bool("inplace"))
        }
        t.method("sample(n=None, frac=None, replace=False, weights=None, random_state=None, axis=None, ignore_index=False)", of: DataFrameObject.self, doc: "Random rows, as NumPy's RandomState picks them.") { o, args, interp in
            let positions = try Sampling.positions(count: o.frame.rowCount, args, interp) { n, replace, random in
                try o.frame.sampledPositions(count: n, replace: replace, random: &random)
            }
            var result = o.frame.takingRows(positions)
            if try args.bool("ignore_index") { result.index = .range(result.rowCount) }
            return .object(DataFrameObject(result))
        }
        t.method("sort_values(by, axis=0, ascending=True, inplace=False, kind='quicksort', na_position='last', ignore_index=False)", of: DataFrameObject.self, doc: "Rows ordered by columns.") { o, args, interp in
            let labels = try FrameValues.labels(args["by"], interp)
            let keys = try labels.map { try o.frame.columnPosition($0) }
            let ascending = try Sampling.ascending(args["ascending"], count: keys.count, interp)
            var result = o.frame.takingRows(o.frame.sortedRowPositions(by: keys, ascending: ascending))
            if try args.bool("ignore_index") { result.index = .range(result.rowCount) }
            return try o.result(result, inplace: try args.bool("inplace"))
        }
        t.method("sort_index(ascending=True)", of: DataFrameObject.self, doc: "Rows ordered by label.") { o, args, _ in
            let labels = o.frame.index.labels
            let ascending = try args.bool("ascending")
            let order = labels.indices.sorted { ascending ? FrameScalar.ascending(labels[$0], labels[$1]) : FrameScalar.ascending(labels[$1], labels[$0]) }
            return .object(DataFrameObject(o.frame.takingRows(order)))
        }
        t.method("nunique()", of: DataFrameObject.self, doc: "Distinct values per column.") { o, _, _ in
            .object(SeriesObject(Series(Column(ints: o.frame.columns.indices.map { Int64(o.frame.column(at: $0).uniqueValues().filter { !$0.isMissing }.count) }), index: o.frame.columnIndex)))
        }
        t.method("groupby(by, axis=0, level=None, as_index=True, sort=True, group_keys=True, observed=False, dropna=True)", of: DataFrameObject.self, doc: "Rows grouped by a column's values.") { o, args, interp in
            let by = args["by"]
            guard FrameValues.isScalar(by) else { throw PyError(.notImplementedError, "groupby by several columns or by arrays is not supported in SwiftML") }
            return .object(GroupByObject(try GroupedFrame(o.frame, key: try FrameValues.cell(by, interp))))
        }
        for reduction in [ColumnReduction.sum, .mean, .std, .variance, .min, .max, .median, .count, .prod] {
            t.method("\(reduction.rawValue)(axis=0, skipna=True, numeric_only=False)", of: DataFrameObject.self, doc: "The \(reduction.rawValue) of each column (axis=0) or row (axis=1), skipping missing values.") { o, args, _ in
                let axis = try FrameValues.axis(args.optional("axis"))
                return .object(SeriesObject(try o.frame.reduce(reduction, axis: axis, numericOnly: try args.bool("numeric_only"))))
            }
        }
        t.method("corr(method='pearson', min_periods=1, numeric_only=False)", of: DataFrameObject.self, doc: "Pearson correlation between columns.") { o, args, _ in
            guard try args.string("method") == "pearson" else { throw PyError(.notImplementedError, "corr(method=) other than 'pearson' is not supported in SwiftML") }
            let frame = try args.bool("numeric_only") ? o.frame.selectingColumns(o.frame.numericColumnPositions()) : o.frame
            return .object(DataFrameObject(try frame.correlation()))
        }
        t.method("astype(dtype, copy=None, errors='raise')", of: DataFrameObject.self, doc: "Columns converted to a dtype.") { o, args, interp in
            if let d = args["dtype"].object(as: DictObject.self) {
                var result = o.frame
                for (k, v) in zip(d.storage.keys, d.storage.values) {
                    let c = try o.frame.columnPosition(try FrameValues.cell(k.value, interp))
                    result.replaceColumn(at: c, with: try o.frame.columns[c].converted(to: try FrameValues.dtype(v, interp)))
                }
                return .object(DataFrameObject(result))
            }
            let target = try FrameValues.dtype(args["dtype"], interp)
            return .object(DataFrameObject(try o.frame.mapColumns { try $0.converted(to: target) }))
        }
        t.method("apply(func, axis=0)", of: DataFrameObject.self, doc: "func applied to each column (axis=0) or row (axis=1).") { o, args, interp in
            try FrameApply.apply(o.frame, args["func"], axis: try FrameValues.axis(args.optional("axis")), interp)
        }
        for name in ["map", "applymap"] {
            t.method("\(name)(func, na_action=None)", of: DataFrameObject.self, doc: "func applied to every value.") { o, args, interp in
                .object(DataFrameObject(try o.frame.mapColumns { try FrameApply.mapValues($0, args["func"], interp) }))
            }
        }
        t.method("to_numpy(dtype=None, copy=False)", of: DataFrameObject.self, doc: "The data as a 2-d array.") { o, args, interp in
            let array = try o.toNDArray()
            if let d = args.optional("dtype"), let dtype = try ArrayConversion.dtype(d) { return ArrayConversion.wrap(try array.astype(dtype)) }
            return ArrayConversion.wrap(array)
        }
        t.method("to_string(buf=None, columns=None, col_space=None, header=True, index=True, na_rep='NaN', max_rows=None, max_cols=None, show_dimensions=False)", of: DataFrameObject.self, doc: "The frame as text.") { o, args, interp in
            let naText = try args.string("na_rep")
            if args.optional("buf") != nil || args.optional("col_space") != nil || naText != "NaN" {
                throw PyError(.notImplementedError, "to_string(buf=, col_space=, na_rep=) is not supported in SwiftML")
            }
            var frame = o.frame
            if let c = args.optional("columns") { frame = frame.selectingColumns(try DataFrameObject.columnPositions(try FrameValues.labels(c, interp), in: frame)) }
            var options = DisplayOptions.everything
            options.showIndex = try args.bool("index")
            options.showHeader = try args.bool("header")
            options.maxRows = try args.optionalInt("max_rows")
            options.maxColumns = try args.optionalInt("max_cols")
            options.showDimensions = try args.bool("show_dimensions") ? .always : .never
            return .string(frame.text(options))
        }
        t.method("to_csv(path_or_buf=None, sep=',', na_rep='', header=True, index=True)", of: DataFrameObject.self, doc: "Writes the frame as CSV (or returns the text).") { o, args, interp in
            let text = CSVWriter.text(o.frame, separator: try args.string("sep"), includeIndex: try args.bool("index"), includeHeader: try args.bool("header"))
            guard let target = args.optional("path_or_buf") else { return .string(text) }
            guard case .string(let path) = target else {
                _ = try interp.call(try interp.attribute(target, "write"), .string(text))
                return .none
            }
            do { try FileBytes.write(Array(text.utf8), to: path) } catch {
                throw PyError(.osError, "Cannot save file into a non-existent directory: \(path)")
            }
            return .none
        }
        t.method("reset_index(drop=False, inplace=False)", of: DataFrameObject.self, doc: "Labels 0..n-1 (the old labels become a column unless drop).") { o, args, _ in
            var result = o.frame
            result.index = .range(o.frame.rowCount)
            if !(try args.bool("drop")) {
                let name = o.frame.index.name ?? .string("index")
                var columns = [o.frame.index.column] + o.frame.columns
                columns = columns.map { $0 }
                result = try DataFrame(columns: columns, labels: .labels([name] + o.frame.columnLabels), index: .range(o.frame.rowCount))
            }
            return try o.result(result, inplace: try args.bool("inplace"))
        }
        t.method("set_index(keys, drop=True, inplace=False)", of: DataFrameObject.self, doc: "A column becomes the row labels.") { o, args, interp in
            let label = try FrameValues.cell(args["keys"], interp)
            var result = o.frame
            let column = try result.removeColumn(label)
            result.index = FrameIndex(.labels(column.values), name: label)
            if !(try args.bool("drop")) { result = o.frame; result.index = FrameIndex(.labels(column.values), name: label) }
            return try o.result(result, inplace: try args.bool("inplace"))
        }
        t.method("rename(mapper=None, index=None, columns=None, axis=None, inplace=False)", of: DataFrameObject.self, doc: "Columns renamed by a dict.") { o, args, interp in
            guard let mapping = args.optional("columns")?.object(as: DictObject.self) else {
                throw PyError(.notImplementedError, "rename other than rename(columns={...}) is not supported in SwiftML")
            }
            var table: [FrameScalar: FrameScalar] = [:]
            for (k, v) in zip(mapping.storage.keys, mapping.storage.values) { table[try FrameValues.cell(k.value, interp)] = try FrameValues.cell(v, interp) }
            var result = o.frame
            result.columnIndex = .labels(o.frame.columnLabels.map { table[$0] ?? $0 })
            return try o.result(result, inplace: try args.bool("inplace"))
        }
        t.method("round(decimals=0)", of: DataFrameObject.self, doc: "Numbers rounded half to even.") { o, args, _ in
            let d = try args.int("decimals")
            return .object(DataFrameObject(try o.frame.mapColumns { Filling.round($0, d) }))
        }
        t.method("abs()", of: DataFrameObject.self, doc: "Absolute values.") { o, _, _ in
            .object(DataFrameObject(try o.frame.mapColumns { c in
                switch c.storage {
                case .float64(let v): return Column(doubles: v.map { Swift.abs($0) })
                case .int64(let v): return Column(ints: v.map { $0 < 0 ? 0 &- $0 : $0 })
                default: throw PyError(.typeError, "bad operand type for abs(): 'str'")
                }
            }))
        }
    }

    /// The result of a method with `inplace=`: None after replacing this frame, or a new one.
    func result(_ frame: DataFrame, inplace: Bool) throws -> Value {
        if inplace { self.frame = frame; return .none }
        return .object(DataFrameObject(frame))
    }
}

extension SeriesObject {
    /// `df.dtypes`: a Series of dtype objects (printed by name, dtype object).
    func dtypeSeries() -> SeriesObject { self }
}
