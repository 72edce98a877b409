#ifndef CTDNA_BUNDLED_LISTS_H
#define CTDNA_BUNDLED_LISTS_H
/// The lists shipped with ctdna live in this target's Resources folder, which SwiftPM copies
/// beside the executable as ctdna_BundledLists.resources. The target is C, not Swift, because a
/// Swift target with resources gets a generated accessor that imports Foundation, and so would
/// load Foundation and ICU into every ctdna process (CtDNAIO's BundledResources finds the files).
int ctdna_bundled_lists_version(void);
#endif
