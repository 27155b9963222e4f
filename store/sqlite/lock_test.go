//go:build unix

package sqlite

import (
	"bufio"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/rapport-bot/rapport/coach"
)

// holderEnv names the database a child test process opens and holds.
const holderEnv = "RAPPORT_SQLITE_TEST_HOLD"

// TestHelperHoldDatabase is not a test: run as a child process with
// holderEnv set, it opens the database, commits one person, says "ready"
// and waits to be killed, with the transaction of a second unit of work
// open.
func TestHelperHoldDatabase(t *testing.T) {
	path := os.Getenv(holderEnv)
	if path == "" {
		t.Skip("runs only as the child of TestLockIsReleasedWhenTheHolderIsKilled")
	}
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	add := func(ctx context.Context, tx coach.Tx) error {
		return tx.AddPeople(ctx, []*coach.Person{{FullName: "Committed Before Kill"}})
	}
	if err := s.Update(context.Background(), "k", "", add); err != nil {
		t.Fatal(err)
	}
	s.Update(context.Background(), "k", "", func(ctx context.Context, tx coach.Tx) error {
		if err := tx.AddPeople(ctx, []*coach.Person{{FullName: "Never Committed"}}); err != nil {
			return err
		}
		os.Stdout.WriteString("ready\n")
		time.Sleep(time.Minute)
		return nil
	})
}

func TestLockIsReleasedWhenTheHolderIsKilled(t *testing.T) {
	path := filepath.Join(t.TempDir(), "rapport.db")
	child := exec.CommandContext(t.Context(), os.Args[0], "-test.run=^TestHelperHoldDatabase$")
	child.Env = append(os.Environ(), holderEnv+"="+path)
	out, err := child.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}
	if line, err := bufio.NewReader(out).ReadString('\n'); err != nil || line != "ready\n" {
		t.Fatalf("child said %q, %v", line, err)
	}
	expectRefused(t, path, ErrInUse)
	child.Process.Kill() // SIGKILL: no deferred code, no Close
	child.Wait()

	s := openAt(t, path)
	mustUpdate(t, s, "k", func(ctx context.Context, tx coach.Tx) error {
		ps, err := tx.People(ctx, coach.PeopleFilter{})
		if err != nil {
			return err
		}
		if len(ps) != 1 || ps[0].FullName != "Committed Before Kill" {
			t.Errorf("after the kill: %+v, want only the committed person", ps)
		}
		return nil
	})
}
