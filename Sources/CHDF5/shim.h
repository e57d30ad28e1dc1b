#include <hdf5.h>

// HDF5's type and flag constants are macros that call H5open() and read a global, which
// Swift cannot import; these functions give them to Swift.
static inline hid_t swiftml_h5t_native_float(void) { return H5T_NATIVE_FLOAT; }
static inline hid_t swiftml_h5t_native_double(void) { return H5T_NATIVE_DOUBLE; }
static inline hid_t swiftml_h5t_native_llong(void) { return H5T_NATIVE_LLONG; }
static inline hid_t swiftml_h5t_ieee_f32le(void) { return H5T_IEEE_F32LE; }
static inline hid_t swiftml_h5t_ieee_f64le(void) { return H5T_IEEE_F64LE; }
static inline hid_t swiftml_h5t_std_i64le(void) { return H5T_STD_I64LE; }
static inline hid_t swiftml_h5t_std_i32le(void) { return H5T_STD_I32LE; }
static inline hid_t swiftml_h5t_native_int32(void) { return H5T_NATIVE_INT32; }
static inline hid_t swiftml_h5t_c_s1(void) { return H5T_C_S1; }
static inline hid_t swiftml_h5p_file_access(void) { return H5P_FILE_ACCESS; }
static inline hid_t swiftml_h5p_group_create(void) { return H5P_GROUP_CREATE; }
static inline unsigned swiftml_h5f_acc_rdonly(void) { return H5F_ACC_RDONLY; }
static inline unsigned swiftml_h5f_acc_trunc(void) { return H5F_ACC_TRUNC; }
static inline size_t swiftml_h5t_variable(void) { return H5T_VARIABLE; }

// Turns off the error stack HDF5 prints to stderr by default: failures come back as
// return codes and become Swift errors.
static inline void swiftml_h5_silence_errors(void) { H5Eset_auto2(H5E_DEFAULT, NULL, NULL); }
