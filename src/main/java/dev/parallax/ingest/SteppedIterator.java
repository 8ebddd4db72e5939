package dev.parallax.ingest;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * An iterator over items that a reader produces a few at a time: each {@link #step()} reads on and
 * adds zero or more items to {@link #ready}, or sets {@link #done}. The file readers that stream
 * (CSV, WARC) share this shape.
 */
abstract class SteppedIterator<T> implements Iterator<T> {
  /** Items read and not yet handed out. */
  protected final Deque<T> ready = new ArrayDeque<>();

  /** Set by {@link #step()} when nothing more will come. */
  protected boolean done;

  /** True once an item has been handed out. */
  protected boolean any;

  /** Reads on: adds items to {@link #ready}, or sets {@link #done}. */
  protected abstract void step();

  @Override
  public boolean hasNext() {
    while (ready.isEmpty() && !done) {
      step();
    }
    return !ready.isEmpty();
  }

  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    any = true;
    return ready.poll();
  }
}
