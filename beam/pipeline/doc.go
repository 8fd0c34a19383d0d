// Package pipeline runs kabar's analysis on Apache Beam.
package pipeline
