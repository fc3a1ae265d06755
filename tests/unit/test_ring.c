/* Unit tests for ring: capacity rounding, full and empty edges, wrap-around of slots and counters,
 * and a two-thread stress run checking that millions of samples arrive complete and in order. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <pthread.h>
#include <sched.h>
#include <string.h>

#include "rebound/ring.h"

#define STRESS_SAMPLES 5000000u
#define STRESS_CAPACITY 1024
#define FNV_OFFSET 14695981039346656037u
#define FNV_PRIME 1099511628211u

/* The i-th sample of a deterministic sequence that does not repeat with any short period. */
static int16_t sequence_sample(uint64_t i)
{
	return (int16_t)(uint16_t)((i * 2654435761u) >> 11);
}

/* FNV-1a over the two bytes of one sample. */
static uint64_t fnv_add(uint64_t hash, int16_t sample)
{
	uint16_t bits = (uint16_t)sample;

	hash = (hash ^ (bits & 0xff)) * FNV_PRIME;
	return (hash ^ (bits >> 8)) * FNV_PRIME;
}

static void test_init_rounds_to_power_of_two(void **state)
{
	struct ring ring;
	(void)state;

	assert_int_equal(ring_init(&ring, 0), 0);
	assert_int_equal(ring.capacity, 2);
	ring_release(&ring);
	assert_int_equal(ring_init(&ring, 1), 0);
	assert_int_equal(ring.capacity, 2);
	assert_int_equal(ring.mask, 1);
	ring_release(&ring);
	assert_int_equal(ring_init(&ring, 5), 0);
	assert_int_equal(ring.capacity, 8);
	assert_int_equal(ring.mask, 7);
	ring_release(&ring);
	assert_int_equal(ring_init(&ring, 4096), 0);
	assert_int_equal(ring.capacity, 4096);
	assert_int_equal(ring_writable(&ring), 4096);
	assert_int_equal(ring_readable(&ring), 0);
	ring_release(&ring);
	ring_release(&ring);	/* a released ring may be released again */
	ring_release(NULL);
}

static void test_init_refuses_absurd_sizes(void **state)
{
	struct ring ring;
	(void)state;

	assert_int_equal(ring_init(&ring, SIZE_MAX), -1);
	assert_null(ring.data);
	assert_int_equal(ring.capacity, 0);
	ring_release(&ring);
	assert_int_equal(ring_init(&ring, RING_MAX_CAPACITY + 1), -1);
	assert_int_equal(ring_init(&ring, SIZE_MAX / 2 + 2), -1);
}

static void test_empty_read_returns_zero(void **state)
{
	struct ring ring;
	int16_t out[4] = { 7, 7, 7, 7 };
	(void)state;

	assert_int_equal(ring_init(&ring, 4), 0);
	assert_int_equal(ring_read(&ring, out, 4), 0);
	assert_int_equal(out[0], 7);		/* nothing was touched */
	assert_int_equal(ring_read(&ring, NULL, 0), 0);
	assert_int_equal(ring_write(&ring, NULL, 0), 0);
	ring_release(&ring);
}

static void test_full_write_is_partial(void **state)
{
	struct ring ring;
	int16_t in[12], out[12];
	size_t i;
	(void)state;

	for (i = 0; i < 12; i++)
		in[i] = (int16_t)(100 + i);
	assert_int_equal(ring_init(&ring, 8), 0);
	assert_int_equal(ring_write(&ring, in, 3), 3);
	assert_int_equal(ring_write(&ring, in + 3, 9), 5);	/* only 5 of 9 fit */
	assert_int_equal(ring_readable(&ring), ring.capacity);
	assert_int_equal(ring_writable(&ring), 0);
	assert_int_equal(ring_write(&ring, in + 8, 4), 0);
	assert_int_equal(ring_read(&ring, out, 12), 8);
	assert_memory_equal(out, in, 8 * sizeof *in);
	assert_int_equal(ring_writable(&ring), 8);
	ring_release(&ring);
}

/* Writes, then reads, odd-sized chunks through a small ring; every sample must come out in order. */
static void pump_in_order(struct ring *ring, size_t rounds)
{
	static const size_t write_sizes[] = { 1, 3, 5, 7, 9, 11, 13 };
	static const size_t read_sizes[] = { 3, 1, 7, 5, 11 };
	int16_t chunk[16];
	uint64_t written = 0, read = 0;
	size_t round, i, n;

	for (round = 0; round < rounds; round++) {
		size_t want = write_sizes[round % 7];
		for (i = 0; i < want; i++)
			chunk[i] = sequence_sample(written + i);
		written += ring_write(ring, chunk, want);
		n = ring_read(ring, chunk, read_sizes[round % 5]);
		for (i = 0; i < n; i++)
			assert_int_equal(chunk[i], sequence_sample(read + i));
		read += n;
		assert_int_equal(ring_readable(ring), written - read);
	}
	while ((n = ring_read(ring, chunk, 16)) > 0) {
		for (i = 0; i < n; i++)
			assert_int_equal(chunk[i], sequence_sample(read + i));
		read += n;
	}
	assert_true(read == written);
	assert_true(written > rounds * 3);	/* the ring really wrapped many times */
}

static void test_wrap_around_keeps_order(void **state)
{
	struct ring ring;
	(void)state;

	assert_int_equal(ring_init(&ring, 16), 0);
	pump_in_order(&ring, 10000);
	ring_release(&ring);
}

static void test_counters_wrap_past_size_max(void **state)
{
	struct ring ring;
	int16_t in[6] = { 1, 2, 3, 4, 5, 6 }, out[6];
	(void)state;

	assert_int_equal(ring_init(&ring, 8), 0);
	atomic_store(&ring.head, SIZE_MAX - 3);
	atomic_store(&ring.tail, SIZE_MAX - 3);
	assert_int_equal(ring_readable(&ring), 0);
	assert_int_equal(ring_writable(&ring), 8);
	assert_int_equal(ring_write(&ring, in, 6), 6);	/* head passes SIZE_MAX and the slot end */
	assert_true(atomic_load(&ring.head) == 2);
	assert_int_equal(ring_readable(&ring), 6);
	assert_int_equal(ring_writable(&ring), 2);
	assert_int_equal(ring_read(&ring, out, 6), 6);
	assert_memory_equal(out, in, sizeof in);
	assert_int_equal(ring_readable(&ring), 0);
	pump_in_order(&ring, 500);
	ring_release(&ring);
}

/* Set by the producer once everything is written, or by the consumer on a wrong sample:
 * so that a broken ring fails the test instead of hanging it. */
static atomic_int stress_stop;

struct stress_side {
	struct ring *ring;
	uint64_t hash;
	uint64_t count;
	uint64_t first_mismatch;	/* index of the first out-of-sequence sample, or UINT64_MAX */
};

static void *stress_produce(void *arg)
{
	static const size_t sizes[] = { 1, 7, 31, 97, 127, 251, 509, 3 };
	struct stress_side *side = arg;
	int16_t chunk[512];
	size_t round = 0, i, want, done;

	while (side->count < STRESS_SAMPLES) {
		want = sizes[round++ % 8];
		if (want > STRESS_SAMPLES - side->count)
			want = STRESS_SAMPLES - side->count;
		for (i = 0; i < want; i++) {
			chunk[i] = sequence_sample(side->count + i);
			side->hash = fnv_add(side->hash, chunk[i]);
		}
		for (done = 0; done < want; ) {		/* retry what did not fit */
			size_t n = ring_write(side->ring, chunk + done, want - done);
			if (n == 0) {
				if (atomic_load(&stress_stop))
					return NULL;
				sched_yield();
			}
			done += n;
		}
		side->count += want;
	}
	atomic_store(&stress_stop, 1);
	return NULL;
}

static void *stress_consume(void *arg)
{
	static const size_t sizes[] = { 5, 61, 383, 1021, 13, 199 };
	struct stress_side *side = arg;
	int16_t chunk[1024];
	size_t round = 0, i, n;

	while (side->count < STRESS_SAMPLES) {
		n = ring_read(side->ring, chunk, sizes[round++ % 6]);
		if (n == 0) {
			if (atomic_load(&stress_stop) && ring_readable(side->ring) == 0)
				return NULL;	/* the producer is done: samples were lost */
			sched_yield();
		}
		for (i = 0; i < n; i++) {
			if (chunk[i] != sequence_sample(side->count + i)) {
				side->first_mismatch = side->count + i;
				atomic_store(&stress_stop, 1);
				return NULL;
			}
			side->hash = fnv_add(side->hash, chunk[i]);
		}
		side->count += n;
	}
	return NULL;
}

static void test_two_thread_stress(void **state)
{
	struct ring ring;
	struct stress_side producer = { &ring, FNV_OFFSET, 0, UINT64_MAX };
	struct stress_side consumer = { &ring, FNV_OFFSET, 0, UINT64_MAX };
	pthread_t producer_thread, consumer_thread;
	(void)state;

	atomic_store(&stress_stop, 0);
	assert_int_equal(ring_init(&ring, STRESS_CAPACITY), 0);
	assert_int_equal(pthread_create(&consumer_thread, NULL, stress_consume, &consumer), 0);
	assert_int_equal(pthread_create(&producer_thread, NULL, stress_produce, &producer), 0);
	assert_int_equal(pthread_join(producer_thread, NULL), 0);
	assert_int_equal(pthread_join(consumer_thread, NULL), 0);

	assert_true(consumer.first_mismatch == UINT64_MAX);
	assert_true(producer.count == STRESS_SAMPLES);
	assert_true(consumer.count == STRESS_SAMPLES);
	assert_true(producer.hash == consumer.hash);
	assert_int_equal(ring_readable(&ring), 0);
	assert_true(atomic_load(&ring.head) == STRESS_SAMPLES);
	ring_release(&ring);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_init_rounds_to_power_of_two),
		cmocka_unit_test(test_init_refuses_absurd_sizes),
		cmocka_unit_test(test_empty_read_returns_zero),
		cmocka_unit_test(test_full_write_is_partial),
		cmocka_unit_test(test_wrap_around_keeps_order),
		cmocka_unit_test(test_counters_wrap_past_size_max),
		cmocka_unit_test(test_two_thread_stress),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
