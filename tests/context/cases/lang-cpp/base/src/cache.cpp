#include "cache.h"

namespace store {

int Cache::size() const {
    return 0;
}

}  // namespace store
