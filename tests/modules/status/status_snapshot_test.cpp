#include "modules/status/status_snapshot.hpp"

#include <gtest/gtest.h>

#include <memory>

namespace feather::mod::status {
namespace {

struct Board {
    GlobalScore global{};
    std::unique_ptr<ProcessScore[]> processes{new ProcessScore[2]{}};
    std::unique_ptr<WorkerScore[]> workers{new WorkerScore[6]{}};

    ScoreboardView view() { return {&global, processes.get(), workers.get(), 2, 3}; }
};

TEST(StatusSnapshot, CopiesEverySlot)
{
    Board b;
    b.global.restart_time_us.store(123);
    b.global.config_generation.store(4);
    b.processes[1].pid.store(77);
    b.processes[1].generation.store(2);
    b.processes[1].quiescing.store(1);
    WorkerScore& w = b.workers[1 * 3 + 2];
    w.status.store(static_cast<std::uint8_t>(WorkerStatus::BusyKeepalive));
    w.access_count.store(9);
    w.duration_us.store(-5);
    w.client.store("10.0.0.1");
    w.request.store("GET / HTTP/1.1");

    const Snapshot s = take_snapshot(b.view(), true, 3);
    ASSERT_EQ(s.workers.size(), 6u);
    EXPECT_EQ(s.restart_time_us, 123);
    EXPECT_EQ(s.config_generation, 4u);
    EXPECT_EQ(s.processes[1].pid, 77);
    EXPECT_EQ(s.processes[1].generation, 2u);
    EXPECT_TRUE(s.processes[1].quiescing);
    const WorkerView& v = s.worker(1, 2);
    EXPECT_EQ(v.status, static_cast<std::uint8_t>(WorkerStatus::BusyKeepalive));
    EXPECT_EQ(v.access_count, 9u);
    EXPECT_EQ(v.duration_us, -5);
    EXPECT_EQ(v.client, "10.0.0.1");
    EXPECT_EQ(v.request, "GET / HTTP/1.1");

    const Snapshot plain = take_snapshot(b.view(), false, 3);
    EXPECT_EQ(plain.worker(1, 2).client, "");  // no texts without ExtendedStatus
}

TEST(StatusSnapshot, TextsAreBoundedEvenWhileAWriterIsBusy)
{
    Board b;
    WorkerScore& w = b.workers[0];
    w.request.store(std::string(200, 'x'));
    w.vhost.store(std::string(100, 'v'));
    w.text_seq.store(7);  // odd: a writer never finished
    const Snapshot s = take_snapshot(b.view(), true, 3);
    EXPECT_EQ(s.worker(0, 0).request, std::string(63, 'x'));
    EXPECT_EQ(s.worker(0, 0).vhost, std::string(31, 'v'));
}

TEST(StatusSnapshot, OneColumnPerProcessForPrefork)
{
    Board b;
    b.workers[3].status.store(static_cast<std::uint8_t>(WorkerStatus::BusyRead));
    b.workers[4].status.store(static_cast<std::uint8_t>(WorkerStatus::BusyWrite));
    const Snapshot s = take_snapshot(b.view(), false, 1);
    ASSERT_EQ(s.thread_limit, 1);
    ASSERT_EQ(s.workers.size(), 2u);
    EXPECT_EQ(s.worker(1, 0).status, static_cast<std::uint8_t>(WorkerStatus::BusyRead));
}

TEST(StatusSnapshot, NoScoreboardMeansNoSlots)
{
    ScoreboardView empty;
    const Snapshot s = take_snapshot(empty, true, 1);
    EXPECT_EQ(s.server_limit, 0);
    EXPECT_TRUE(s.workers.empty());
}

}  // namespace
}  // namespace feather::mod::status
