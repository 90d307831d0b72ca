#pragma once
// The watches whose deadlines have one timeout length, earliest first. A
// deadline is the time it was armed plus the length, and the clock never goes
// back, so a new deadline belongs at the back: the sweep needs to look only at
// the head to find what expired.
#include <boost/intrusive/list.hpp>

#include "connection_watch.hpp"

namespace apibench::rust_style {

class DeadlineLane {
 public:
  bool empty() const noexcept { return watches_.empty(); }
  ConnectionWatch& front() noexcept { return watches_.front(); }

  // At its place by queued_at_: the back, in one comparison, unless the
  // deadline was computed a while ago (a request head's, re-armed after the
  // sweep dropped it while cleared: rare), and then it walks back to its place.
  void insert(ConnectionWatch& w) noexcept;

 private:
  using List = boost::intrusive::list<
      ConnectionWatch, boost::intrusive::member_hook<ConnectionWatch, ConnectionWatch::Hook, &ConnectionWatch::lane_hook>,
      boost::intrusive::constant_time_size<false>>;

  List watches_;
};

}  // namespace apibench::rust_style
