/** JMH micro benchmarks of the hot paths: codec decode/encode with hashing, and the store's putPending. */
package org.concord.bench.micro;
