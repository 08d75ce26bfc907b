/**
 * The {@code vdir} connector: a system that is a folder of {@code .vcf} and {@code .ics} files laid
 * out as {@code <path>/<user>/<collection>/<object>}, one object per file, read by listing and a
 * file-system watcher and written atomically.
 */
package org.concord.connector.vdir;
