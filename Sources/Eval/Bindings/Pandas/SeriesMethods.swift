import Frames
import ML

/// The methods and properties of `pd.Series`, most used first.
extension SeriesObject {
    static let type = PyType("Series", module: "pandas", doc: "A labelled column of values (pandas' Series).") { t in
        t.constructor("Series(data=None, index=None, dtype=None, name=None, copy=None)") { args, interp in
            .object(SeriesObject(try PandasConstruction.series(args.optional("data"), index: args.optional("index"),
                                                               name: args.optional("name"), dtype: args.optional("dtype"), interp)))
        }
        t.property("shape", of: SeriesObject.self, doc: "(length,)") { o, _ in .tuple([.int(o.series.count)]) }
        t.property("size", of: SeriesObject.self, doc: "Number of values.") { o, _ in .int(o.series.count) }
        t.property("ndim", of: SeriesObject.self, doc: "1") { _, _ in .int(1) }
        t.property("empty", of: SeriesObject.self, doc: "Whether there are no values.") { o, _ in .bool(o.series.count == 0) }
        t.property("dtype", of: SeriesObject.self, doc: "The values' dtype.") { o, interp in try PandasDTypes.value(o.series.dtype, interp) }
        t.property("name", of: SeriesObject.self, doc: "The Series' name.", get: { o, _ in o.series.name.map(FrameValues.plain) ?? .none },
                   set: { o, v, interp in o.series.name = v.isNone ? nil : try FrameValues.cell(v, interp) })
        t.property("index", of: SeriesObject.self, doc: "The labels.", get: { o, _ in .object(IndexObject(o.series.index)) },
                   set: { o, v, interp in
            let labels = try FrameValues.labels(v, interp)
            guard labels.count == o.series.count else {
                throw PyError(.valueError, "Length mismatch: Expected axis has \(o.series.count) elements, new values have \(labels.count) elements")
            }
            o.series.index = .labels(labels)
        })
        t.property("values", of: SeriesObject.self, doc: "The values as an array.") { o, _ in ArrayConversion.wrap(try o.toNDArray()) }
        t.property("iloc", of: SeriesObject.self, doc: "Selection by position.") { o, _ in .object(IndexerObject(.position, series: o)) }
        t.property("loc", of: SeriesObject.self, doc: "Selection by label.") { o, _ in .object(IndexerObject(.label, series: o)) }
        t.property("plot", of: SeriesObject.self, doc: "Plots through pyplot: s.plot(), s.plot.hist(), ...") { o, _ in .object(PlotAccessor(.series(o.series))) }
        t.property("T", of: SeriesObject.self, doc: "The Series itself.") { o, _ in .object(o) }

        t.method("head(n=5)", of: SeriesObject.self, doc: "The first n values.") { o, args, _ in .object(SeriesObject(o.series.head(try args.int("n")))) }
        t.method("tail(n=5)", of: SeriesObject.self, doc: "The last n values.") { o, args, _ in .object(SeriesObject(o.series.tail(try args.int("n")))) }
        t.method("describe(percentiles=None, include=None, exclude=None)", of: SeriesObject.self, doc: "Summary statistics.") { o, _, _ in .object(SeriesObject(try o.series.describe())) }
        t.method("copy(deep=True)", of: SeriesObject.self, doc: "An independent copy.") { o, _, _ in .object(SeriesObject(o.series)) }
        t.method("keys()", of: SeriesObject.self, doc: "The labels.") { o, _, _ in .object(IndexObject(o.series.index)) }
        t.method("items()", of: SeriesObject.self, doc: "(label, value) pairs.") { o, _, _ in
            .list((0..<o.series.count).map { .tuple([FrameValues.plain(o.series.index[$0]), FrameValues.plain(o.series.values[$0])]) })
        }
        t.method("to_numpy(dtype=None, copy=False)", of: SeriesObject.self, doc: "The values as an array.") { o, args, _ in
            let array = try o.toNDArray()
            if let d = args.optional("dtype"), let dtype = try ArrayConversion.dtype(d) { return ArrayConversion.wrap(try array.astype(dtype)) }
            return ArrayConversion.wrap(array)
        }
        for name in ["tolist", "to_list"] {
            t.method("\(name)()", of: SeriesObject.self, doc: "The values as a list.") { o, _, _ in FrameValues.list(o.series.values) }
        }
        t.method("to_frame(name=None)", of: SeriesObject.self, doc: "A one-column DataFrame.") { o, args, interp in
            var s = o.series
            if let n = args.optional("name") { s.name = try FrameValues.cell(n, interp) }
            return .object(DataFrameObject(s.toFrame()))
        }
        t.method("to_string(buf=None, na_rep='NaN', float_format=None, header=True, index=True, length=False, dtype=False, name=False, max_rows=None)", of: SeriesObject.self, doc: "The values as text.") { o, args, _ in
            if args.optional("buf") != nil || args.optional("float_format") != nil {
                throw PyError(.notImplementedError, "to_string(buf=, float_format=) is not supported in SwiftML")
            }
            var options = DisplayOptions.everything
            options.showIndex = try args.bool("index")
            options.showHeader = try args.bool("header")
            options.maxRows = try args.optionalInt("max_rows")
            return .string(o.series.text(options, name: try args.bool("name"), dtype: try args.bool("dtype"), length: try args.bool("length")))
        }
        for name in ["isna", "isnull"] {
            t.method("\(name)()", of: SeriesObject.self, doc: "True where values are missing.") { o, _, _ in
                .object(SeriesObject(Series(o.series.values.missingMask, index: o.series.index, name: o.series.name)))
            }
        }
        for name in ["notna", "notnull"] {
            t.method("\(name)()", of: SeriesObject.self, doc: "True where values are present.") { o, _, _ in
                .object(SeriesObject(Series(try o.series.values.missingMask.inverted(), index: o.series.index, name: o.series.name)))
            }
        }
        t.method("dropna(inplace=False)", of: SeriesObject.self, doc: "Without missing values.") { o, args, _ in
            let result = o.series.takingRows((0..<o.series.count).filter { !o.series.values.isMissing($0) })
            if try args.bool("inplace") { o.series = result; return .none }
            return .object(SeriesObject(result))
        }
        t.method("fillna(value=None, inplace=False)", of: SeriesObject.self, doc: "Missing values replaced.") { o, args, interp in
            guard let v = args.optional("value") else { throw PyError(.notImplementedError, "fillna(method=) is not supported in SwiftML; pass value=") }
            var result = o.series
            result.values = try Filling.fill(o.series.values, try FrameValues.cell(v, interp))
            if try args.bool("inplace") { o.series = result; return .none }
            return .object(SeriesObject(result))
        }
        t.method("sample(n=None, frac=None, replace=False, weights=None, random_state=None, axis=None, ignore_index=False)", of: SeriesObject.self, doc: "Random values, as NumPy's RandomState picks them.") { o, args, interp in
            let frame = o.series.toFrame()
            let positions = try Sampling.positions(count: o.series.count, args, interp) { n, replace, random in
                try frame.sampledPositions(count: n, replace: replace, random: &random)
            }
            return .object(SeriesObject(o.series.takingRows(positions)))
        }
        t.method("sort_values(ascending=True, inplace=False, kind='quicksort', na_position='last', ignore_index=False)", of: SeriesObject.self, doc: "Values in order.") { o, args, _ in
            let frame = o.series.toFrame()
            let order = frame.sortedRowPositions(by: [0], ascending: [try args.bool("ascending")])
            var result = o.series.takingRows(order)
            if try args.bool("ignore_index") { result.index = .range(result.count) }
            if try args.bool("inplace") { o.series = result; return .none }
            return .object(SeriesObject(result))
        }
        t.method("value_counts(normalize=False, sort=True, ascending=False, bins=None, dropna=True)", of: SeriesObject.self, doc: "Counts of each distinct value.") { o, args, _ in
            if args.optional("bins") != nil { throw PyError(.notImplementedError, "value_counts(bins=) is not supported in SwiftML") }
            return .object(SeriesObject(o.series.valueCounts(normalize: try args.bool("normalize"), ascending: try args.bool("ascending"), dropMissing: try args.bool("dropna"))))
        }
        t.method("unique()", of: SeriesObject.self, doc: "Distinct values in order of appearance.") { o, _, _ in
            let column = Column.inferring(o.series.uniqueValues())
            if o.series.dtype == .object { return .list(o.series.uniqueValues().map(FrameValues.plain)) }
            return ArrayConversion.wrap(try column.converted(to: o.series.dtype).ndarray())
        }
        t.method("nunique(dropna=True)", of: SeriesObject.self, doc: "Number of distinct values.") { o, args, _ in
            let unique = o.series.uniqueValues()
            return .int(try args.bool("dropna") ? unique.filter { !$0.isMissing }.count : unique.count)
        }
        for reduction in [ColumnReduction.sum, .mean, .std, .variance, .min, .max, .median, .count, .prod] {
            t.method("\(reduction.rawValue)(axis=None, skipna=True, numeric_only=False)", of: SeriesObject.self, doc: "The \(reduction.rawValue) of the values, skipping missing ones.") { o, _, _ in
                let result = try o.series.reduce(reduction)
                if reduction == .count, case .int(let n) = result { return .int(Int(n)) }
                return FrameValues.value(result)
            }
        }
        t.method("idxmax()", of: SeriesObject.self, doc: "The label of the largest value.") { o, _, _ in
            let d = try o.series.doubles()
            guard let best = d.indices.filter({ !d[$0].isNaN }).max(by: { d[$0] < d[$1] || (d[$0] == d[$1] && $0 > $1) }) else { throw PyError(.valueError, "attempt to get argmax of an empty sequence") }
            return FrameValues.plain(o.series.index[best])
        }
        t.method("idxmin()", of: SeriesObject.self, doc: "The label of the smallest value.") { o, _, _ in
            let d = try o.series.doubles()
            guard let best = d.indices.filter({ !d[$0].isNaN }).min(by: { d[$0] < d[$1] || (d[$0] == d[$1] && $0 < $1) }) else { throw PyError(.valueError, "attempt to get argmin of an empty sequence") }
            return FrameValues.plain(o.series.index[best])
        }
        t.method("astype(dtype, copy=None, errors='raise')", of: SeriesObject.self, doc: "Values converted to a dtype.") { o, args, interp in
            .object(SeriesObject(Series(try o.series.values.converted(to: try FrameValues.dtype(args["dtype"], interp)), index: o.series.index, name: o.series.name)))
        }
        t.method("map(arg, na_action=None)", of: SeriesObject.self, doc: "Each value mapped through a function, dict or Series.") { o, args, interp in
            .object(SeriesObject(Series(try FrameApply.mapValues(o.series.values, args["arg"], interp), index: o.series.index, name: o.series.name)))
        }
        t.method("apply(func, convert_dtype=None, args=())", of: SeriesObject.self, doc: "func applied to each value.") { o, args, interp in
            .object(SeriesObject(Series(try FrameApply.mapValues(o.series.values, args["func"], interp), index: o.series.index, name: o.series.name)))
        }
        t.method("reset_index(drop=False)", of: SeriesObject.self, doc: "Labels 0..n-1.") { o, args, _ in
            var s = o.series
            s.index = .range(s.count)
            if try args.bool("drop") { return .object(SeriesObject(s)) }
            let frame = try DataFrame(columns: [o.series.index.column, o.series.values],
                                      labels: .labels([o.series.index.name ?? .string("index"), o.series.name ?? .int(0)]), index: .range(s.count))
            return .object(DataFrameObject(frame))
        }
        t.method("round(decimals=0)", of: SeriesObject.self, doc: "Values rounded half to even.") { o, args, _ in
            .object(SeriesObject(Series(Filling.round(o.series.values, try args.int("decimals")), index: o.series.index, name: o.series.name)))
        }
        t.method("abs()", of: SeriesObject.self, doc: "Absolute values.") { o, _, _ in
            switch o.series.values.storage {
            case .float64(let v): return .object(SeriesObject(Series(Column(doubles: v.map { Swift.abs($0) }), index: o.series.index, name: o.series.name)))
            case .int64(let v): return .object(SeriesObject(Series(Column(ints: v.map { $0 < 0 ? 0 &- $0 : $0 }), index: o.series.index, name: o.series.name)))
            default: throw PyError(.typeError, "bad operand type for abs(): 'str'")
            }
        }
    }
}
