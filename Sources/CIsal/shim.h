#ifndef CTDNA_CISAL_SHIM_H
#define CTDNA_CISAL_SHIM_H
/// ISA-L's inflate (Debian libisal-dev), for builds with the ISAL trait (Package.swift).
#include <isa-l/igzip_lib.h>
#endif
