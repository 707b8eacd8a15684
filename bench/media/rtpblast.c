/* rtpblast: both ends of N G.711 calls through an RTP relay (used for rtpengine).
 * Reads lines "localA remoteA localB remoteB" (ports on 127.0.0.1) from stdin: socket A sends to the
 * relay port remoteA, socket B to remoteB, one RTP packet (PT 8) of <size> bytes every <interval> ms.
 * usage: rtpblast <seconds> <interval_ms> <size> < ports
 * Counts what each socket receives. Runs for the given seconds, prints
 * "sentA recvB sentB recvA" (A->B direction is sentA vs recvB). */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <sys/socket.h>
#include <sys/epoll.h>
#define MAXC 4000
static double now(void){struct timespec t;clock_gettime(CLOCK_MONOTONIC,&t);return t.tv_sec+t.tv_nsec/1e9;}
static int mk(int port){int s=socket(AF_INET,SOCK_DGRAM,0);int sz=1<<20;setsockopt(s,SOL_SOCKET,SO_RCVBUF,&sz,sizeof sz);
  struct sockaddr_in a={0};a.sin_family=AF_INET;a.sin_port=htons(port);a.sin_addr.s_addr=htonl(INADDR_LOOPBACK);
  if(bind(s,(void*)&a,sizeof a)){perror("bind");exit(1);}return s;}
int main(int c,char**v){
  double secs=atof(v[1]);double iv=atof(v[2])/1000.0;int size=atoi(v[3]);if(size>2048)size=2048;int n=0;static int sa[MAXC],sb[MAXC];static struct sockaddr_in ra[MAXC],rb[MAXC];
  int la,pa,lb,pb;
  while(n<MAXC&&scanf("%d %d %d %d",&la,&pa,&lb,&pb)==4){sa[n]=mk(la);sb[n]=mk(lb);
    memset(&ra[n],0,sizeof ra[n]);ra[n].sin_family=AF_INET;ra[n].sin_port=htons(pa);ra[n].sin_addr.s_addr=htonl(INADDR_LOOPBACK);
    rb[n]=ra[n];rb[n].sin_port=htons(pb);n++;}
  int ep=epoll_create1(0);
  for(int i=0;i<n;i++){struct epoll_event e={EPOLLIN,{.u64=(unsigned long long)i<<1}};epoll_ctl(ep,EPOLL_CTL_ADD,sa[i],&e);e.data.u64=((unsigned long long)i<<1)|1;epoll_ctl(ep,EPOLL_CTL_ADD,sb[i],&e);}
  static unsigned char pkt[2048];memset(pkt,0xd5,sizeof pkt);
  unsigned long long sentA=0,sentB=0,recvA=0,recvB=0;unsigned seq=0;
  double t0=now(),end=t0+secs,next=t0;char buf[2048];
  while(now()<end){
    double t=now();
    if(t>=next){ /* one 20 ms tick: one packet per socket, spread evenly is not needed on loopback */
      pkt[0]=0x80;pkt[1]=8;pkt[2]=seq>>8;pkt[3]=seq;unsigned ts=seq*(unsigned)(iv*8000);pkt[4]=ts>>24;pkt[5]=ts>>16;pkt[6]=ts>>8;pkt[7]=ts;seq++;
      for(int i=0;i<n;i++){pkt[8]=i>>8;pkt[9]=i;pkt[10]=0;pkt[11]=1;if(sendto(sa[i],pkt,size,0,(void*)&ra[i],sizeof ra[i])==size)sentA++;
        pkt[11]=2;if(sendto(sb[i],pkt,size,0,(void*)&rb[i],sizeof rb[i])==size)sentB++;}
      next+=iv;
    }
    struct epoll_event ev[256];int ms=(int)((next-now())*1000);if(ms<0)ms=0;
    int k=epoll_wait(ep,ev,256,ms);
    for(int j=0;j<k;j++){int i=ev[j].data.u64>>1,b=ev[j].data.u64&1;int s=b?sb[i]:sa[i];
      while(recv(s,buf,sizeof buf,MSG_DONTWAIT)>0){if(b)recvB++;else recvA++;}}
  }
  /* drain what is still in flight for 200 ms */
  double dend=now()+0.2;while(now()<dend){struct epoll_event ev[256];int k=epoll_wait(ep,ev,256,50);
    for(int j=0;j<k;j++){int i=ev[j].data.u64>>1,b=ev[j].data.u64&1;int s=b?sb[i]:sa[i];while(recv(s,buf,sizeof buf,MSG_DONTWAIT)>0){if(b)recvB++;else recvA++;}}}
  printf("%llu %llu %llu %llu\n",sentA,recvB,sentB,recvA);return 0;
}
