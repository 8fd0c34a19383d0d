// Package bench compares kabar with other libraries (prose/v2) on the same
// Indonesian text. It is a separate module so that kabar's users do not
// inherit the dependencies of the libraries it is compared with.
package bench
