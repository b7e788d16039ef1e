package org.mubench.data;

import java.util.Iterator;

/**
 * Samples in shard order, holding at most one record batch in memory. {@link #next()} throws
 * {@link DatasetException} when the data cannot be read further (truncated shard, …): rows already delivered stay valid.
 */
public interface SampleStream extends Iterator<Sample>, AutoCloseable {
	@Override
	void close();
}
