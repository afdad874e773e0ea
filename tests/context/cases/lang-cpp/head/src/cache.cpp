#include "cache.h"
#include <cstdlib>

namespace store {

int Cache::size() const {
    return static_cast<int>(entries_.size());
}

const char *Cache::home() const {
    return getenv("CACHE_HOME");
}

}  // namespace store
