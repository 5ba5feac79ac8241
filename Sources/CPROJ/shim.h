#ifndef QUHUA_CPROJ_SHIM_H
#define QUHUA_CPROJ_SHIM_H
#include <proj.h>
#endif
