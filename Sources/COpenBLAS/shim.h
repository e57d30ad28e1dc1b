#include <cblas.h>

/* LAPACK routines that libopenblas exports but whose header (lapack.h) Debian's
 * libopenblas-dev does not ship. Fortran calling convention: every argument by pointer,
 * matrices column-major. Used by Sources/ML/Linalg. */
void sgesv_(const blasint *n, const blasint *nrhs, float *a, const blasint *lda, blasint *ipiv,
            float *b, const blasint *ldb, blasint *info);
void dgesv_(const blasint *n, const blasint *nrhs, double *a, const blasint *lda, blasint *ipiv,
            double *b, const blasint *ldb, blasint *info);
void dgetrf_(const blasint *m, const blasint *n, double *a, const blasint *lda, blasint *ipiv, blasint *info);
void dgelsd_(const blasint *m, const blasint *n, const blasint *nrhs, double *a, const blasint *lda,
             double *b, const blasint *ldb, double *s, const double *rcond, blasint *rank,
             double *work, const blasint *lwork, blasint *iwork, blasint *info);
void dgesdd_(const char *jobz, const blasint *m, const blasint *n, double *a, const blasint *lda,
             double *s, double *u, const blasint *ldu, double *vt, const blasint *ldvt,
             double *work, const blasint *lwork, blasint *iwork, blasint *info);
/* Eigenvalues: general (geev, np.linalg.eig) and symmetric (syevd, np.linalg.eigh). */
void dgeev_(const char *jobvl, const char *jobvr, const blasint *n, double *a, const blasint *lda,
            double *wr, double *wi, double *vl, const blasint *ldvl, double *vr, const blasint *ldvr,
            double *work, const blasint *lwork, blasint *info);
void dsyevd_(const char *jobz, const char *uplo, const blasint *n, double *a, const blasint *lda,
             double *w, double *work, const blasint *lwork, blasint *iwork, const blasint *liwork, blasint *info);
