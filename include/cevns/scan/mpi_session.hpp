#pragma once
// MPI start-up and shut-down for a program that may or may not run under mpirun.
// With MPI (CEVNS_WITH_MPI) and a launcher environment (OMPI_COMM_WORLD_SIZE, PMI_SIZE or
// PMIX_RANK set), the constructor calls MPI_Init_thread (funnelled: only the main thread talks MPI)
// and the destructor MPI_Finalize; otherwise it does nothing and rank() == 0, size() == 1.
namespace cevns::scan {

class MpiSession {
 public:
  MpiSession();
  ~MpiSession();
  MpiSession(const MpiSession&) = delete;
  MpiSession& operator=(const MpiSession&) = delete;

  [[nodiscard]] bool active() const { return active_; }
  [[nodiscard]] int rank() const { return rank_; }
  [[nodiscard]] int size() const { return size_; }
  // Stops every rank with this exit code (MPI_Abort); plain exit without MPI.
  [[noreturn]] static void abort_all(int code);

 private:
  bool active_ = false;
  int rank_ = 0;
  int size_ = 1;
};

}  // namespace cevns::scan
