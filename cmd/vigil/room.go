package main

import (
	"errors"
	"fmt"
	"net"
	"path/filepath"
	"strconv"

	"github.com/spf13/cobra"

	"vigil/room"
	"vigil/room/link"
	"vigil/session"
	"vigil/tui"
)

// addRoomFlags gives vigil new and vigil resume --room and --addr.
func addRoomFlags(c *cobra.Command, o *options) {
	c.Flags().BoolVar(&o.room, "room", false, "open the room: participants and a second screen join over SSH with a join code (R in the session opens it too)")
	c.Flags().StringVar(&o.roomAddr, "addr", room.DefaultAddr, "where the room listens, HOST:PORT; anything but 127.0.0.1 lets people on the network join with the code")
}

// checkRoom checks --room and --addr before anything opens.
func checkRoom(c *cobra.Command, o *options) error {
	if c.Flags().Changed("addr") && !o.room {
		return errors.New("--addr says where the room listens; give --room with it")
	}
	_, port, err := net.SplitHostPort(o.roomAddr)
	if err != nil {
		return fmt.Errorf("--addr %q is not HOST:PORT (for example 127.0.0.1:2323)", o.roomAddr)
	}
	if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 {
		return fmt.Errorf("--addr %q: the port must be a number from 0 to 65535", o.roomAddr)
	}
	return nil
}

// roomConfig is how the screens open the room: package room's server,
// with its key folder and its log beside the database.
func roomConfig(o *options) tui.RoomConfig {
	db := o.dbPath()
	addr := o.roomAddr
	return tui.RoomConfig{
		Open: o.room,
		Opener: func(help session.Help, note link.Frame) (link.Room, error) {
			return room.Open(room.Config{Addr: addr, DataDir: filepath.Dir(db), LogPath: db + ".room.log",
				Help: help, ContentNote: note})
		},
	}
}
