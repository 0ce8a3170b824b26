#include <unistd.h>

#include "modules/request/request.hpp"

namespace feather {

OpenFile::~OpenFile()
{
    if (fd >= 0) {
        ::close(fd);
    }
}

}  // namespace feather
