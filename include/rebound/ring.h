/* ring: lock-free single-producer single-consumer ring buffer of 16-bit samples, carrying audio from the
 * PortAudio callback (which must never block) to the thread that writes it to disk. */
#ifndef REBOUND_RING_H
#define REBOUND_RING_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

/* Largest capacity ring_init accepts: 2^28 samples (512 MiB), about 93 minutes of 48 kHz mono. */
#define RING_MAX_CAPACITY ((size_t)1 << 28)

/*
 * Thread contract: exactly one producer thread calls ring_write and ring_writable, and exactly one
 * consumer thread calls ring_read and ring_readable; they may run at the same time without locks.
 * ring_write and ring_read never block, lock, allocate or do I/O, so the producer may be a real-time
 * audio callback. ring_init and ring_release must not overlap with any other call.
 *
 * head and tail count samples ever written and read; they wrap around SIZE_MAX harmlessly because
 * only their difference (unsigned) and their low bits (masked) are used.
 */
struct ring {
	int16_t *data;
	size_t capacity, mask;		/* capacity is a power of two */
	_Atomic size_t head;		/* total samples ever written (producer owns) */
	_Atomic size_t tail;		/* total samples ever read (consumer owns) */
};

/*
 * Allocates room for at least min_capacity samples (rounded up to a power of two, min 2).
 * Returns 0, or -1 if min_capacity exceeds RING_MAX_CAPACITY (the ring is then left zeroed).
 */
int ring_init(struct ring *ring, size_t min_capacity);
/* Frees the samples and zeroes the ring. Accepts NULL and a zeroed or released ring. */
void ring_release(struct ring *ring);

/* Producer: copies up to count samples in, never blocks; returns how many fit (the caller counts the rest as dropped). */
size_t ring_write(struct ring *ring, const int16_t *samples, size_t count);
/* Consumer: copies up to max samples out, oldest first, never blocks; returns how many. */
size_t ring_read(struct ring *ring, int16_t *out, size_t max);

/* Consumer side view: samples ready to read (more may arrive at any moment). */
size_t ring_readable(const struct ring *ring);
/* Producer side view: samples that can be written (more room may appear at any moment). */
size_t ring_writable(const struct ring *ring);

#endif
