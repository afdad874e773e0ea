package lb

import weakrand "math/rand/v2"

func pick(pool []int, k int) []int {
	choices := make([]int, 0, k)
	for i := range pool {
		j := weakrand.IntN(i + 1) //nolint:gosec
		if j < k {
			choices = append(choices, j)
		}
	}
	return choices
}
