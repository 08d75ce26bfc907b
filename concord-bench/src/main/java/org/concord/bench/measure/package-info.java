/** What the scenarios measure with: latency samples, CPU time, heap and resident memory, the machine. */
package org.concord.bench.measure;
