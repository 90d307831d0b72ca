#pragma once
// Channel<T>: Go's chan T. Bounded (capacity 0 is a rendezvous, as in Go); send
// parks while the buffer is full, receive parks while it is empty; close wakes
// every waiter; receiving from a closed channel drains what is buffered, then
// yields nullopt (Go's `v, ok := <-ch` with ok == false). Sending on a closed
// channel returns false where Go would panic: errors are values here.
//
// Tasks pass their Yield and park without blocking their worker thread; plain OS
// threads (the blocking pool) use the overloads without one and block. The layout
// follows Go's hchan: one lock, a ring of values, queues of parked senders and
// receivers, and a direct hand-off when a waiter is already there.
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <utility>

#include "gort/park.hpp"

namespace gort {

template <class T>
class Channel {
 public:
  explicit Channel(std::size_t capacity = 0) : capacity_(capacity) {}
  Channel(const Channel&) = delete;
  Channel& operator=(const Channel&) = delete;

  bool send(T value, Yield yield) {
    return send_with(value, [yield](auto&& reg) { park(yield, reg); });
  }
  bool send(T value) {
    return send_with(value, [](auto&& reg) { park_thread(reg); });
  }
  std::optional<T> receive(Yield yield) {
    return receive_with([yield](auto&& reg) { park(yield, reg); });
  }
  std::optional<T> receive() {
    return receive_with([](auto&& reg) { park_thread(reg); });
  }

  // Safe from any thread, including threads that are not tasks; closing twice is a no-op.
  void close();

  std::size_t capacity() const { return capacity_; }

 private:
  struct ParkedSender {
    T* value;
    bool delivered = false;
    Waker waker;
  };
  struct ParkedReceiver {
    std::optional<T>* slot;
    Waker waker;
  };

  template <class Park>
  bool send_with(T& value, Park park_fn);
  template <class Park>
  std::optional<T> receive_with(Park park_fn);
  // Takes the oldest parked sender's value; wakes it after the lock is released.
  T take_from_sender(Waker& to_wake);

  const std::size_t capacity_;
  std::mutex mutex_;
  std::deque<T> buffer_;
  std::deque<ParkedSender*> senders_;
  std::deque<ParkedReceiver*> receivers_;
  bool closed_ = false;
};

template <class T>
template <class Park>
bool Channel<T>::send_with(T& value, Park park_fn) {
  std::unique_lock lock(mutex_);
  if (closed_) return false;
  if (!receivers_.empty()) {  // a receiver is waiting: hand the value over directly
    ParkedReceiver* receiver = receivers_.front();
    receivers_.pop_front();
    *receiver->slot = std::move(value);
    Waker waker = std::move(receiver->waker);
    lock.unlock();
    waker.wake();
    return true;
  }
  if (buffer_.size() < capacity_) {
    buffer_.push_back(std::move(value));
    return true;
  }
  ParkedSender self{&value, false, {}};
  park_fn([&](Waker waker) {
    self.waker = std::move(waker);
    senders_.push_back(&self);
    lock.unlock();
  });
  return self.delivered;  // false when close() woke us instead of a receiver
}

template <class T>
template <class Park>
std::optional<T> Channel<T>::receive_with(Park park_fn) {
  std::unique_lock lock(mutex_);
  Waker to_wake;
  std::optional<T> result;
  if (!buffer_.empty()) {
    result = std::move(buffer_.front());
    buffer_.pop_front();
    // A slot opened: the oldest parked sender's value moves into the buffer.
    if (!senders_.empty()) buffer_.push_back(take_from_sender(to_wake));
  } else if (!senders_.empty()) {  // unbuffered (or drained) channel: rendezvous
    result = take_from_sender(to_wake);
  } else if (!closed_) {
    ParkedReceiver self{&result, {}};
    park_fn([&](Waker waker) {
      self.waker = std::move(waker);
      receivers_.push_back(&self);
      lock.unlock();
    });
    return result;  // nullopt when close() woke us
  }
  if (lock.owns_lock()) lock.unlock();
  to_wake.wake();
  return result;
}

template <class T>
T Channel<T>::take_from_sender(Waker& to_wake) {
  ParkedSender* sender = senders_.front();
  senders_.pop_front();
  T value = std::move(*sender->value);
  sender->delivered = true;
  to_wake = std::move(sender->waker);
  return value;
}

template <class T>
void Channel<T>::close() {
  std::deque<ParkedSender*> senders;
  std::deque<ParkedReceiver*> receivers;
  {
    std::lock_guard lock(mutex_);
    if (closed_) return;
    closed_ = true;
    senders.swap(senders_);
    receivers.swap(receivers_);
  }
  // Each record lives on its waiter's stack: take the waker out before waking,
  // because the waiter may resume and return at once.
  for (ParkedReceiver* r : receivers) {
    Waker waker = std::move(r->waker);
    waker.wake();
  }
  for (ParkedSender* s : senders) {
    Waker waker = std::move(s->waker);
    waker.wake();
  }
}

}  // namespace gort
