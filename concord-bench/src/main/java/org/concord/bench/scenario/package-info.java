/** One class per scenario of the benchmark; each returns its figures and never asserts. */
package org.concord.bench.scenario;
