// gort::Channel: Go's chan semantics between tasks, and between tasks and threads.
#include <gtest/gtest.h>

#include <atomic>
#include <numeric>
#include <optional>
#include <thread>
#include <vector>

#include "gort/channel.hpp"
#include "gort/runtime.hpp"
#include "gort/wait_group.hpp"

namespace {

TEST(Channel, DeliversInSendOrder) {
  gort::Runtime rt(2);
  gort::Channel<int> ch(4);
  std::vector<int> received;
  rt.go([&](gort::Yield y) {
    for (int i = 0; i < 1000; ++i) ASSERT_TRUE(ch.send(i, y));
    ch.close();
  });
  rt.go([&](gort::Yield y) {
    while (std::optional<int> v = ch.receive(y)) received.push_back(*v);
  });
  rt.run();
  std::vector<int> expected(1000);
  std::iota(expected.begin(), expected.end(), 0);
  EXPECT_EQ(received, expected);
}

TEST(Channel, SendParksOnlyWhenTheBufferIsFull) {
  gort::Runtime rt(1);
  gort::Channel<int> ch(3);
  int sent = 0;
  int sent_when_receiver_started = -1;
  rt.go([&](gort::Yield y) {
    for (int i = 0; i < 5; ++i) {
      ch.send(i, y);
      ++sent;
    }
  });
  rt.go([&](gort::Yield y) {
    for (int i = 0; i < 10; ++i) gort::yield_now(y);  // let the sender fill the buffer and park
    sent_when_receiver_started = sent;
    for (int i = 0; i < 5; ++i) EXPECT_EQ(ch.receive(y), i);
  });
  rt.run();
  EXPECT_EQ(sent_when_receiver_started, 3);
  EXPECT_EQ(sent, 5);
}

TEST(Channel, UnbufferedSendWaitsForAReceiver) {
  gort::Runtime rt(1);
  gort::Channel<int> ch(0);
  bool send_returned = false;
  bool send_returned_before_receive = true;
  rt.go([&](gort::Yield y) {
    ch.send(7, y);
    send_returned = true;
  });
  rt.go([&](gort::Yield y) {
    for (int i = 0; i < 10; ++i) gort::yield_now(y);
    send_returned_before_receive = send_returned;
    EXPECT_EQ(ch.receive(y), 7);
  });
  rt.run();
  EXPECT_FALSE(send_returned_before_receive);
  EXPECT_TRUE(send_returned);
}

TEST(Channel, ReceiveDrainsAClosedChannelThenReportsClosed) {
  gort::Runtime rt(1);
  gort::Channel<int> ch(4);
  std::vector<std::optional<int>> got;
  bool send_after_close = true;
  rt.go([&](gort::Yield y) {
    ch.send(1, y);
    ch.send(2, y);
    ch.close();
    ch.close();  // a second close is harmless
    send_after_close = ch.send(3, y);
    for (int i = 0; i < 4; ++i) got.push_back(ch.receive(y));
  });
  rt.run();
  EXPECT_FALSE(send_after_close);
  EXPECT_EQ(got, (std::vector<std::optional<int>>{1, 2, std::nullopt, std::nullopt}));
}

TEST(Channel, CloseWakesParkedReceiversAndSenders) {
  gort::Runtime rt(1);
  gort::Channel<int> empty(0);
  gort::Channel<int> full(1);
  std::optional<int> received = 99;
  bool second_send = true;
  rt.go([&](gort::Yield y) { received = empty.receive(y); });
  rt.go([&](gort::Yield y) {
    full.send(1, y);
    second_send = full.send(2, y);  // parks: the buffer is full
  });
  rt.go([&](gort::Yield y) {
    for (int i = 0; i < 10; ++i) gort::yield_now(y);
    empty.close();
    full.close();
  });
  rt.run();
  EXPECT_EQ(received, std::nullopt);
  EXPECT_FALSE(second_send);
}

TEST(Channel, ManyProducersAndConsumersLoseNothing) {
  gort::Runtime rt(2);
  constexpr int kProducers = 8, kConsumers = 8, kEach = 1000;
  gort::Channel<int> ch(16);
  gort::WaitGroup producers;
  std::atomic<long long> sum{0};
  std::atomic<int> count{0};
  producers.add(kProducers);
  for (int p = 0; p < kProducers; ++p) {
    rt.go([&, p](gort::Yield y) {
      for (int i = 0; i < kEach; ++i) ch.send(p * kEach + i, y);
      producers.done();
    });
  }
  rt.go([&](gort::Yield y) {
    producers.wait(y);
    ch.close();
  });
  for (int c = 0; c < kConsumers; ++c) {
    rt.go([&](gort::Yield y) {
      while (std::optional<int> v = ch.receive(y)) {
        sum += *v;
        ++count;
      }
    });
  }
  rt.run();
  constexpr int kTotal = kProducers * kEach;
  EXPECT_EQ(count.load(), kTotal);
  EXPECT_EQ(sum.load(), static_cast<long long>(kTotal) * (kTotal - 1) / 2);
}

TEST(Channel, PlainThreadsAndTasksShareAChannel) {
  gort::Runtime rt(1);
  gort::Channel<int> to_task(0);
  gort::Channel<int> to_thread(100);  // the thread reads it only after sending everything
  std::thread thread([&] {
    for (int i = 0; i < 100; ++i) to_task.send(i);
    to_task.close();
    int total = 0;
    while (std::optional<int> v = to_thread.receive()) total += *v;
    EXPECT_EQ(total, 4950);
  });
  rt.go([&](gort::Yield y) {
    while (std::optional<int> v = to_task.receive(y)) to_thread.send(*v, y);
    to_thread.close();
  });
  rt.run();
  thread.join();
}

TEST(WaitGroup, WaitReturnsAtOnceWhenNothingIsPending) {
  gort::Runtime rt(1);
  gort::WaitGroup wg;
  bool waited = false;
  rt.go([&](gort::Yield y) {
    wg.wait(y);
    waited = true;
  });
  rt.run();
  EXPECT_TRUE(waited);
}

}  // namespace
