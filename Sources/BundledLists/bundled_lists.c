#include "bundled_lists.h"

/// Bumped when a bundled list changes; nothing calls it, but a C target needs a source file.
int ctdna_bundled_lists_version(void) { return 1; }
