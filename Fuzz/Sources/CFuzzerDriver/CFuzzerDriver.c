// Only the header matters: it declares LLVMFuzzerRunDriver for Swift.
#include "CFuzzerDriver.h"
