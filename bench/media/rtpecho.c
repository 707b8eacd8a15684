/* rtpecho: the "agent phone" media for the CallDesk media benchmark.
 * Listens on one UDP port, counts every packet received and sends it straight back to its source
 * (like sipp -rtp_echo). Writes "received echoed sources" to the stats file every second and at
 * exit. Stops by itself after the given number of seconds.
 * usage: rtpecho <port> <seconds> <statsfile> */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <sys/socket.h>
#include <poll.h>
#define B 64
static double now(void){struct timespec t;clock_gettime(CLOCK_MONOTONIC,&t);return t.tv_sec+t.tv_nsec/1e9;}
int main(int c,char**v){
  if(c<4){fprintf(stderr,"usage\n");return 2;}
  int port=atoi(v[1]);double secs=atof(v[2]);const char*sf=v[3];
  int s=socket(AF_INET,SOCK_DGRAM,0);int sz=8<<20;setsockopt(s,SOL_SOCKET,SO_RCVBUF,&sz,sizeof sz);setsockopt(s,SOL_SOCKET,SO_SNDBUF,&sz,sizeof sz);
  struct sockaddr_in a={0};a.sin_family=AF_INET;a.sin_port=htons(port);a.sin_addr.s_addr=htonl(INADDR_LOOPBACK);
  if(bind(s,(void*)&a,sizeof a)){perror("bind");return 1;}
  static char buf[B][2048];static struct mmsghdr m[B];static struct iovec io[B];static struct sockaddr_in from[B];
  unsigned long long rx=0,tx=0;double end=now()+secs,last=0;
  static unsigned char seen[65536];unsigned srcs=0;
  while(now()<end){
    struct pollfd p={s,POLLIN,0};poll(&p,1,200);
    for(int i=0;i<B;i++){io[i].iov_base=buf[i];io[i].iov_len=2048;m[i].msg_hdr.msg_iov=&io[i];m[i].msg_hdr.msg_iovlen=1;m[i].msg_hdr.msg_name=&from[i];m[i].msg_hdr.msg_namelen=sizeof from[i];}
    int n=recvmmsg(s,m,B,MSG_DONTWAIT,NULL);
    if(n>0){rx+=n;for(int i=0;i<n;i++){io[i].iov_len=m[i].msg_len;unsigned short pp=ntohs(from[i].sin_port);if(!seen[pp]){seen[pp]=1;srcs++;}}
      int k=sendmmsg(s,m,n,0);if(k>0)tx+=k;}
    double t=now();if(t-last>=1){last=t;FILE*f=fopen(sf,"w");if(f){fprintf(f,"%llu %llu %u\n",rx,tx,srcs);fclose(f);}}
  }
  FILE*f=fopen(sf,"w");if(f){fprintf(f,"%llu %llu %u\n",rx,tx,srcs);fclose(f);}
  return 0;
}
