# Every dependency is a Debian package found with find_package; a failure names the package.
macro(cevns_require pkg debian)
  find_package(${pkg} ${ARGN} QUIET)
  if(NOT ${pkg}_FOUND)
    message(FATAL_ERROR "cevns needs ${pkg}: install it with `apt-get install ${debian}`")
  endif()
endmacro()

cevns_require(Boost libboost-dev 1.74)
cevns_require(Eigen3 libeigen3-dev NO_MODULE)
cevns_require(fmt libfmt-dev)
cevns_require(nlohmann_json nlohmann-json3-dev)
cevns_require(yaml-cpp libyaml-cpp-dev)
cevns_require(NLopt libnlopt-cxx-dev)
cevns_require(CLI11 libcli11-dev)
find_package(Threads REQUIRED)

# MPI for distributed scans: on when OpenMPI (libopenmpi-dev) is found, off otherwise.
find_package(MPI COMPONENTS CXX QUIET)
option(CEVNS_WITH_MPI "Distributed scans with MPI" ${MPI_CXX_FOUND})
if(CEVNS_WITH_MPI AND NOT MPI_CXX_FOUND)
  message(FATAL_ERROR "CEVNS_WITH_MPI needs MPI: install it with `apt-get install libopenmpi-dev openmpi-bin`")
endif()
