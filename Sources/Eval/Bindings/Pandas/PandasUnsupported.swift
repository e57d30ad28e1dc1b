/// The rest of pandas' API: names that exist in pandas but not (yet) in SwiftML raise
/// `NotImplementedError` naming them; names pandas does not have either stay
/// `AttributeError`, so `hasattr` and typos behave as in pandas.
enum PandasUnsupported {
    static func check(_ name: String, in names: Set<String>, owner: String) throws -> Value? {
        if names.contains(name) {
            throw PyError(.notImplementedError, "pandas.\(owner == "pandas" ? "" : owner + ".")\(name) is not supported in SwiftML")
        }
        return nil
    }

    /// Public names of pandas 2.2's `DataFrame` (from `dir(pd.DataFrame)`).
    static let frameNames: Set<String> = Set("""
    T abs add add_prefix add_suffix agg aggregate align all any apply applymap asfreq asof assign
    astype at at_time attrs axes backfill between_time bfill bool boxplot clip columns combine
    combine_first compare convert_dtypes copy corr corrwith count cov cummax cummin cumprod cumsum
    describe diff div divide dot drop drop_duplicates droplevel dropna dtypes duplicated empty eq
    equals eval ewm expanding explode ffill fillna filter first first_valid_index flags floordiv
    from_dict from_records ge get groupby gt head hist iat idxmax idxmin iloc index infer_objects
    info insert interpolate isetitem isin isna isnull items iterrows itertuples join keys kurt
    kurtosis last last_valid_index le loc lt map mask max mean median melt memory_usage merge min
    mod mode mul multiply ndim ne nlargest notna notnull nsmallest nunique pad pct_change pipe pivot
    pivot_table plot pop pow prod product quantile query radd rank rdiv reindex reindex_like rename
    rename_axis reorder_levels replace resample reset_index rfloordiv rmod rmul rolling round rpow
    rsub rtruediv sample select_dtypes sem set_axis set_flags set_index shape shift size skew
    sort_index sort_values sparse squeeze stack std style sub subtract sum swapaxes swaplevel tail
    take to_clipboard to_csv to_dict to_excel to_feather to_gbq to_hdf to_html to_json to_latex
    to_markdown to_numpy to_orc to_parquet to_period to_pickle to_records to_sql to_stata to_string
    to_timestamp to_xarray to_xml transform transpose truediv truncate tz_convert tz_localize
    unstack update value_counts values var where xs
    """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))

    /// Public names of pandas 2.2's `Series`.
    static let seriesNames: Set<String> = Set("""
    T abs add add_prefix add_suffix agg aggregate align all any apply argmax argmin argsort array
    asfreq asof astype at at_time attrs autocorr axes backfill between between_time bfill bool
    case_when cat clip combine combine_first compare convert_dtypes copy corr count cov cummax
    cummin cumprod cumsum describe diff div divide divmod dot drop drop_duplicates droplevel dropna
    dt dtype dtypes duplicated empty eq equals ewm expanding explode factorize ffill fillna filter
    first first_valid_index flags floordiv ge get groupby gt hasnans head hist iat idxmax idxmin
    iloc index infer_objects info interpolate is_monotonic_decreasing is_monotonic_increasing
    is_unique isin isna isnull item items keys kurt kurtosis last last_valid_index le list loc lt
    map mask max mean median memory_usage min mod mode mul multiply name nbytes ndim ne nlargest
    notna notnull nsmallest nunique pad pct_change pipe plot pop pow prod product quantile radd rank
    ravel rdiv rdivmod reindex reindex_like rename rename_axis reorder_levels repeat replace
    resample reset_index rfloordiv rmod rmul rolling round rpow rsub rtruediv sample searchsorted
    sem set_axis set_flags shape shift size skew sort_index sort_values sparse squeeze std str
    struct sub subtract sum swapaxes swaplevel tail take to_clipboard to_csv to_dict to_excel
    to_frame to_hdf to_json to_latex to_list to_markdown to_numpy to_period to_pickle to_sql
    to_string to_timestamp to_xarray tolist transform transpose truediv truncate tz_convert
    tz_localize unique unstack update value_counts values var view where xs
    """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))

    /// Public names of the `pandas` module.
    static let moduleNames: Set<String> = Set("""
    ArrowDtype BooleanDtype Categorical CategoricalDtype CategoricalIndex DataFrame DateOffset
    DatetimeIndex DatetimeTZDtype ExcelFile ExcelWriter Flags Float32Dtype Float64Dtype Grouper
    HDFStore Index IndexSlice Int16Dtype Int32Dtype Int64Dtype Int8Dtype Interval IntervalDtype
    IntervalIndex MultiIndex NA NaT NamedAgg Period PeriodDtype PeriodIndex RangeIndex Series
    SparseDtype StringDtype Timedelta TimedeltaIndex Timestamp UInt16Dtype UInt32Dtype UInt64Dtype
    UInt8Dtype annotations api array arrays bdate_range compat concat core crosstab cut date_range
    describe_option errors eval factorize from_dummies get_dummies get_option infer_freq
    interval_range io isna isnull json_normalize lreshape melt merge merge_asof merge_ordered notna
    notnull offsets option_context options pandas period_range pivot pivot_table plotting qcut
    read_clipboard read_csv read_excel read_feather read_fwf read_gbq read_hdf read_html read_json
    read_orc read_parquet read_pickle read_sas read_spss read_sql read_sql_query read_sql_table
    read_stata read_table read_xml reset_option set_eng_float_format set_option show_versions test
    testing timedelta_range to_datetime to_numeric to_pickle to_timedelta tseries unique util
    value_counts wide_to_long
    """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
}
