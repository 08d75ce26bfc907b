/** Generated test data: realistic contacts as vCard text and as canonical payloads. */
package org.concord.bench.data;
