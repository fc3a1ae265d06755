/* ring: lock-free single-producer single-consumer ring buffer of 16-bit samples.
 * Each side owns one counter; the acquire/release pair on the other side's counter publishes the samples. */
#include "rebound/ring.h"
#include "rebound/util.h"

#include <stdlib.h>
#include <string.h>

int ring_init(struct ring *ring, size_t min_capacity)
{
	size_t capacity = 2;

	memset(ring, 0, sizeof *ring);
	if (min_capacity > RING_MAX_CAPACITY)
		return -1;
	while (capacity < min_capacity)
		capacity <<= 1;
	ring->data = xcalloc(capacity, sizeof *ring->data);
	ring->capacity = capacity;
	ring->mask = capacity - 1;
	atomic_init(&ring->head, 0);
	atomic_init(&ring->tail, 0);
	return 0;
}

void ring_release(struct ring *ring)
{
	if (ring == NULL)
		return;
	free(ring->data);
	memset(ring, 0, sizeof *ring);
}

/* Copies count samples into the ring starting at slot index, in two pieces if they pass the end. */
static void ring_copy_in(struct ring *ring, size_t index, const int16_t *samples, size_t count)
{
	size_t first = ring->capacity - index;

	if (first > count)
		first = count;
	memcpy(ring->data + index, samples, first * sizeof *samples);
	if (count > first)
		memcpy(ring->data, samples + first, (count - first) * sizeof *samples);
}

/* Copies count samples out of the ring starting at slot index, in two pieces if they pass the end. */
static void ring_copy_out(const struct ring *ring, size_t index, int16_t *out, size_t count)
{
	size_t first = ring->capacity - index;

	if (first > count)
		first = count;
	memcpy(out, ring->data + index, first * sizeof *out);
	if (count > first)
		memcpy(out + first, ring->data, (count - first) * sizeof *out);
}

size_t ring_write(struct ring *ring, const int16_t *samples, size_t count)
{
	size_t head = atomic_load_explicit(&ring->head, memory_order_relaxed);
	/* Acquire: the consumer has finished copying out of every slot up to tail. */
	size_t tail = atomic_load_explicit(&ring->tail, memory_order_acquire);
	size_t space = ring->capacity - (head - tail);

	if (count > space)
		count = space;
	if (count == 0)
		return 0;
	ring_copy_in(ring, head & ring->mask, samples, count);
	/* Release: the samples are in place before the consumer can see the new head. */
	atomic_store_explicit(&ring->head, head + count, memory_order_release);
	return count;
}

size_t ring_read(struct ring *ring, int16_t *out, size_t max)
{
	size_t tail = atomic_load_explicit(&ring->tail, memory_order_relaxed);
	/* Acquire: every sample below head has been written by the producer. */
	size_t head = atomic_load_explicit(&ring->head, memory_order_acquire);
	size_t count = head - tail;

	if (count > max)
		count = max;
	if (count == 0)
		return 0;
	ring_copy_out(ring, tail & ring->mask, out, count);
	/* Release: the slots are copied out before the producer can reuse them. */
	atomic_store_explicit(&ring->tail, tail + count, memory_order_release);
	return count;
}

size_t ring_readable(const struct ring *ring)
{
	size_t tail = atomic_load_explicit(&ring->tail, memory_order_relaxed);
	size_t head = atomic_load_explicit(&ring->head, memory_order_acquire);

	return head - tail;
}

size_t ring_writable(const struct ring *ring)
{
	size_t head = atomic_load_explicit(&ring->head, memory_order_relaxed);
	size_t tail = atomic_load_explicit(&ring->tail, memory_order_acquire);

	return ring->capacity - (head - tail);
}
